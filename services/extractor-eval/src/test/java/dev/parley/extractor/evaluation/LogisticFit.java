package dev.parley.extractor.evaluation;

import java.util.List;

/**
 * Fits logistic regression weights by Newton's method with an L2 penalty (not on the bias): a dozen
 * features need no library, and Newton's steps converge to the same weights on every run.
 */
final class LogisticFit {

  private static final int STEPS = 50;
  private static final double CONVERGED = 1e-10;

  private final double penalty;

  LogisticFit(double penalty) {
    this.penalty = penalty;
  }

  /**
   * @param x one feature row per example, its first column the constant 1 (bias)
   */
  double[] fit(List<double[]> x, List<Boolean> y) {
    int d = x.get(0).length;
    double[] w = new double[d];
    for (int step = 0; step < STEPS; step++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 1; i < d; i++) {
        gradient[i] = penalty * w[i];
        hessian[i][i] = penalty;
      }
      for (int n = 0; n < x.size(); n++) {
        double[] row = x.get(n);
        double p = 1 / (1 + Math.exp(-dot(w, row)));
        double residual = p - (y.get(n) ? 1 : 0);
        double curvature = Math.max(p * (1 - p), 1e-9);
        for (int i = 0; i < d; i++) {
          gradient[i] += residual * row[i];
          for (int j = 0; j < d; j++) {
            hessian[i][j] += curvature * row[i] * row[j];
          }
        }
      }
      double[] delta = solve(hessian, gradient);
      double change = 0;
      for (int i = 0; i < d; i++) {
        w[i] -= delta[i];
        change = Math.max(change, Math.abs(delta[i]));
      }
      if (change < CONVERGED) {
        break;
      }
    }
    return w;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Gaussian elimination with partial pivoting; the penalty keeps the matrix regular. */
  private static double[] solve(double[][] m, double[] v) {
    int d = v.length;
    double[][] a = new double[d][];
    double[] b = v.clone();
    for (int i = 0; i < d; i++) {
      a[i] = m[i].clone();
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] rowSwap = a[col];
      a[col] = a[pivot];
      a[pivot] = rowSwap;
      double valueSwap = b[col];
      b[col] = b[pivot];
      b[pivot] = valueSwap;
      for (int r = col + 1; r < d; r++) {
        double factor = a[r][col] / a[col][col];
        b[r] -= factor * b[col];
        for (int c = col; c < d; c++) {
          a[r][c] -= factor * a[col][c];
        }
      }
    }
    double[] solution = new double[d];
    for (int r = d - 1; r >= 0; r--) {
      double sum = b[r];
      for (int c = r + 1; c < d; c++) {
        sum -= a[r][c] * solution[c];
      }
      solution[r] = sum / a[r][r];
    }
    return solution;
  }
}
