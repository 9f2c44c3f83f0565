// Reads a JSON array of Kubernetes resources on stdin and checks each against its kind's schema:
// the Kubernetes API's OpenAPI schemas (kubernetes-models) and the Strimzi CRDs' openAPIV3Schema
// (@kubernetes-models/strimzi-kafka-operator), compiled into those npm packages, so no network.
// Prints one line per resource; exits 1 when any is invalid or of a kind it has no schema for.
import * as apps from 'kubernetes-models/apps/v1';
import * as core from 'kubernetes-models/v1';
import * as strimzi from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2';

const MODELS = {
  'apps/v1': apps,
  v1: core,
  'kafka.strimzi.io/v1beta2': strimzi,
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
let failures = 0;
for (const resource of JSON.parse(input)) {
  const name = `${resource.apiVersion} ${resource.kind} ${resource.metadata?.name}`;
  const Model = MODELS[resource.apiVersion]?.[resource.kind];
  if (!Model) {
    console.log(`NO SCHEMA ${name}: add its package to deploy/kubernetes/schema-check`);
    failures++;
    continue;
  }
  try {
    new Model(resource).validate();
    console.log(`valid ${name}`);
  } catch (e) {
    console.log(`INVALID ${name}: ${e.message}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
