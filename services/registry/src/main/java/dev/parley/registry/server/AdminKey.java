package dev.parley.registry.server;

import dev.parley.common.ServiceConfig;
import dev.parley.registry.SchemaRegistryException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the registry's writes (registering, deleting, config and mode changes) with one admin key;
 * reads stay open, so any consumer can decode Parley's topics. The key arrives as Confluent's
 * clients send credentials: HTTP basic auth ({@code basic.auth.user.info=<any user>:<key>}, the key
 * being the password) or a bearer token ({@code bearer.auth.token=<key>}).
 */
final class AdminKey {

  private static final Logger LOG = LoggerFactory.getLogger(AdminKey.class);

  private final byte[] key;

  private AdminKey(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** The key from SCHEMA_REGISTRY_ADMIN_KEY, or a generated one, logged once, when none is set. */
  static AdminKey from(ServiceConfig config) {
    String configured = config.get(ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY, null);
    if (configured != null) {
      return new AdminKey(configured);
    }
    String generated = generate();
    LOG.warn(
        "{} is not set, so registry writes need this generated key until a restart: {} "
            + "(clients: SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=admin:<key>). Set {} to keep one key.",
        ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY,
        generated,
        ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY);
    return new AdminKey(generated);
  }

  /** A random key, long enough not to be guessed. */
  static String generate() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Refuses a write without the key (401, with the challenge basic-auth clients wait for). */
  void check(Context ctx) {
    if (!isWrite(ctx) || presented(ctx.header("Authorization"))) {
      return;
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"parley-schema-registry\"");
    throw new SchemaRegistryException(
        "Registry writes need the admin key: send it as basic auth (any user name, the key as "
            + "password; Confluent clients: basic.auth.credentials.source=USER_INFO, basic.auth.user.info=admin:<key>; Parley: "
            + ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO
            + "=admin:<key>) or as a bearer token. Reads need no key.",
        401);
  }

  private static boolean isWrite(Context ctx) {
    HandlerType method = ctx.method();
    if (method == HandlerType.PUT || method == HandlerType.DELETE) {
      return true;
    }
    // POST /subjects/{s} (lookup) and POST /compatibility/... only read
    return method == HandlerType.POST
        && ctx.path().startsWith("/subjects/")
        && ctx.path().endsWith("/versions");
  }

  private boolean presented(String authorization) {
    if (authorization == null) {
      return false;
    }
    String[] scheme = authorization.trim().split("\\s+", 2);
    if (scheme.length < 2) {
      return false;
    }
    if (scheme[0].equalsIgnoreCase("Bearer")) {
      return matches(scheme[1].trim());
    }
    if (scheme[0].equalsIgnoreCase("Basic")) {
      try {
        String userInfo =
            new String(Base64.getDecoder().decode(scheme[1].trim()), StandardCharsets.UTF_8);
        int colon = userInfo.indexOf(':');
        return colon >= 0 && matches(userInfo.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
