using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Tests.Model;

public class CrfTrainerTests
{
    [Fact]
    public void Lbfgs_minimises_a_convex_quadratic()
    {
        // f(x) = ½ Σ aᵢ (xᵢ − cᵢ)² with curvatures from 1 to 1000: minimum at c.
        const int n = 50;
        var a = Enumerable.Range(0, n).Select(i => Math.Pow(1000, i / (n - 1.0))).ToArray();
        var c = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1)).ToArray();
        double F(double[] x, double[] g)
        {
            double f = 0;
            for (int i = 0; i < n; i++)
            {
                f += a[i] * (x[i] - c[i]) * (x[i] - c[i]) / 2;
                g[i] = a[i] * (x[i] - c[i]);
            }
            return f;
        }
        var x = new double[n];
        var result = new LbfgsMinimizer { MaxIterations = 500, GradientTolerance = 1e-10, RelativeDecrease = 0 }.Minimize(x, F);

        result.Reason.Should().Be(LbfgsStop.Converged);
        for (int i = 0; i < n; i++) x[i].Should().BeApproximately(c[i], 1e-8);
    }

    [Fact]
    public void Lbfgs_minimises_the_rosenbrock_function()
    {
        // Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², minimum 0 at (1, …, 1), from the classic start (−1.2, 1, −1.2, 1, …).
        const int n = 10;
        static double F(double[] x, double[] g)
        {
            Array.Clear(g);
            double f = 0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double u = x[i + 1] - x[i] * x[i], v = 1 - x[i];
                f += 100 * u * u + v * v;
                g[i] += -400 * u * x[i] - 2 * v;
                g[i + 1] += 200 * u;
            }
            return f;
        }
        var x = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var result = new LbfgsMinimizer { MaxIterations = 1000, GradientTolerance = 1e-9, RelativeDecrease = 0 }.Minimize(x, F);

        result.Reason.Should().Be(LbfgsStop.Converged);
        result.Value.Should().BeLessThan(1e-12);
        x.Should().OnlyContain(v => Math.Abs(v - 1) < 1e-6);
    }

    [Fact]
    public void Owlqn_finds_the_soft_thresholded_minimum_with_exact_zeros()
    {
        // ½ Σ aᵢ (xᵢ − cᵢ)² + λ‖x‖₁ is minimised at sign(cᵢ)·max(|cᵢ| − λ/aᵢ, 0).
        const int n = 40;
        const double lambda = 0.5;
        var a = Enumerable.Range(0, n).Select(i => 1 + i % 7).Select(v => (double)v).ToArray();
        var c = Enumerable.Range(0, n).Select(i => 1.5 * Math.Sin(3 * i + 1)).ToArray();
        double F(double[] x, double[] g)
        {
            double f = 0;
            for (int i = 0; i < n; i++)
            {
                f += a[i] * (x[i] - c[i]) * (x[i] - c[i]) / 2;
                g[i] = a[i] * (x[i] - c[i]);
            }
            return f;
        }
        var x = new double[n];
        new LbfgsMinimizer { L1 = lambda, MaxIterations = 500, GradientTolerance = 1e-10, RelativeDecrease = 0 }.Minimize(x, F);

        for (int i = 0; i < n; i++)
        {
            double expected = Math.Sign(c[i]) * Math.Max(Math.Abs(c[i]) - lambda / a[i], 0);
            if (expected == 0) x[i].Should().Be(0, $"coordinate {i} is thresholded");
            else x[i].Should().BeApproximately(expected, 1e-7, $"coordinate {i}");
        }
        x.Should().Contain(0.0);
    }
}
