using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Model;

public class CrfTrainerTests
{
    private static LabelSet Labels(string scheme) => LabelSet.ForStandardTypes(Enum.Parse<LabelScheme>(scheme));

    /// <summary>Random sentences over <paramref name="features"/> feature ids with valid BIO labels and weights in [0.5, 2].</summary>
    private static List<EncodedSentence> RandomSentences(Random random, int count, int features, int maxLength)
    {
        var sentences = new List<EncodedSentence>();
        for (int s = 0; s < count; s++)
        {
            int n = random.Next(1, maxLength + 1);
            var ids = new List<int>();
            var offsets = new int[n + 1];
            var labels = new int[n];
            for (int i = 0; i < n; i++)
            {
                offsets[i] = ids.Count;
                ids.AddRange(Enumerable.Range(0, features).Where(_ => random.NextDouble() < 0.4));
                int type = random.Next(3);
                // O, B-X, or I-X when the previous token is in an entity of type X.
                labels[i] = random.Next(3) switch
                {
                    0 => LabelSet.Outside,
                    1 => LabelSet.Standard.Begin(type),
                    _ => i > 0 && labels[i - 1] != LabelSet.Outside ? LabelSet.Standard.Inside(LabelSet.Standard.TypeIndexOf(labels[i - 1])) : LabelSet.Outside,
                };
            }
            offsets[n] = ids.Count;
            sentences.Add(new EncodedSentence(ids.ToArray(), offsets, labels, 0.5f + 1.5f * (float)random.NextDouble()));
        }
        return sentences;
    }

    private static double[] RandomPoint(Random random, CrfObjective objective, LabelSet labels, double range)
    {
        var x = new double[objective.Dimension];
        for (int k = 0; k < objective.TransitionOffset; k++) x[k] = range * (2 * random.NextDouble() - 1);
        int l = labels.Count;
        for (int from = -1; from < l; from++)
        {
            for (int to = 0; to < l; to++)
            {
                if (labels.IsAllowed(from, to)) x[objective.TransitionOffset + (from + 1) * l + to] = range * (2 * random.NextDouble() - 1);
            }
        }
        return x;
    }

    private static byte[] Bytes(ModelData data)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(data, stream);
        return stream.ToArray();
    }

    private static TrainingResult TrainTiny(LabelScheme scheme = LabelScheme.Bio, double l1 = 0)
    {
        var sentences = TestModels.Sentences().Select(s => (s, 1f)).ToList();
        var corpus = EncodedCorpus.Build(sentences, Lexicon.Empty, minimumCount: 1);
        var dev = new List<DevSet> { new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny")) };
        var options = new TrainingOptions { L2 = 0.1, L1 = l1, Iterations = 60, EvaluateEvery = 20, Scheme = scheme };
        return new CrfTrainer(options).Train(corpus, Lexicon.Empty, dev);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio))]
    [InlineData(nameof(LabelScheme.Bilou))]
    public void The_gradient_equals_central_finite_differences(string scheme)
    {
        var labels = Labels(scheme);
        var random = new Random(3);
        var objective = new CrfObjective(5, RandomSentences(random, 12, 5, 6), labels, l2: 0.3);
        var x = RandomPoint(random, objective, labels, 1.5);
        var gradient = new double[x.Length];
        objective.Evaluate(x, gradient);

        const double h = 1e-5;
        var scratch = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            double saved = x[k];
            x[k] = saved + h;
            double plus = objective.Evaluate(x, scratch);
            x[k] = saved - h;
            double minus = objective.Evaluate(x, scratch);
            x[k] = saved;
            double numeric = (plus - minus) / (2 * h);
            gradient[k].Should().BeApproximately(numeric, 1e-6 * Math.Max(1, Math.Abs(numeric)), $"coordinate {k}");
        }
    }

    [Fact]
    public void The_log_likelihood_increases_and_the_objective_never_goes_up()
    {
        var labels = LabelSet.Standard;
        var random = new Random(5);
        var objective = new CrfObjective(8, RandomSentences(random, 40, 8, 8), labels, l2: 0.05);
        var x = new double[objective.Dimension];
        objective.Evaluate(x, new double[x.Length]);
        double start = objective.LastLogLikelihood;
        var values = new List<double>();

        new LbfgsMinimizer { MaxIterations = 40 }.Minimize(x, objective.Evaluate, step =>
        {
            values.Add(step.Value);
            return true;
        });

        values.Should().NotBeEmpty();
        values.Zip(values.Skip(1)).Should().OnlyContain(p => p.Second <= p.First);
        objective.Evaluate(x, new double[x.Length]);
        objective.LastLogLikelihood.Should().BeGreaterThan(start + 1);
    }

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

    /// <summary>log Z, marginals and expected transitions by enumerating every valid path.</summary>
    private static (double LogZ, double[] Marginals, double[] Transitions) BruteForce(LabelSet labels, double[] emissions, double[] transitions, int n)
    {
        int l = labels.Count;
        var paths = new List<(int[] Path, double Score)>();
        var path = new int[n];
        void Enumerate(int i)
        {
            if (i == n)
            {
                if (!labels.IsAllowedAtEnd(path[n - 1])) return;
                double score = 0;
                for (int k = 0; k < n; k++) score += emissions[k * l + path[k]] + transitions[(k == 0 ? 0 : path[k - 1] + 1) * l + path[k]];
                paths.Add((path.ToArray(), score));
                return;
            }
            for (int c = 0; c < l; c++)
            {
                if (!labels.IsAllowed(i == 0 ? -1 : path[i - 1], c)) continue;
                path[i] = c;
                Enumerate(i + 1);
            }
        }
        Enumerate(0);
        double max = paths.Max(p => p.Score);
        double logZ = max + Math.Log(paths.Sum(p => Math.Exp(p.Score - max)));
        var marginals = new double[n * l];
        var expected = new double[(l + 1) * l];
        foreach (var (p, score) in paths)
        {
            double probability = Math.Exp(score - logZ);
            for (int k = 0; k < n; k++)
            {
                marginals[k * l + p[k]] += probability;
                expected[(k == 0 ? 0 : p[k - 1] + 1) * l + p[k]] += probability;
            }
        }
        return (logZ, marginals, expected);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio), 4.0)]
    [InlineData(nameof(LabelScheme.Bilou), 4.0)]
    [InlineData(nameof(LabelScheme.Bio), 900.0)]
    [InlineData(nameof(LabelScheme.Bilou), 900.0)]
    public void Marginals_sum_to_one_and_match_brute_force(string scheme, double range)
    {
        var labels = Labels(scheme);
        int l = labels.Count;
        int n = labels.Scheme == LabelScheme.Bio ? 5 : 4;
        var random = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            var emissions = Enumerable.Range(0, n * l).Select(_ => range * (2 * random.NextDouble() - 1)).ToArray();
            var weights = Enumerable.Range(0, (l + 1) * l).Select(_ => range * (2 * random.NextDouble() - 1)).ToArray();
            var transitions = new double[weights.Length];
            var expTransitions = new double[weights.Length];
            for (int from = -1; from < l; from++)
            {
                for (int to = 0; to < l; to++)
                {
                    int k = (from + 1) * l + to;
                    transitions[k] = labels.IsAllowed(from, to) ? weights[k] : double.NegativeInfinity;
                    expTransitions[k] = labels.IsAllowed(from, to) ? Math.Exp(weights[k]) : 0;
                }
            }
            var endWeights = Enumerable.Range(0, l).Select(c => labels.IsAllowedAtEnd(c) ? 1.0 : 0.0).ToArray();
            var final = Enumerable.Range(0, l).Select(c => labels.IsAllowedAtEnd(c) ? 0.0 : double.NegativeInfinity).ToArray();
            var (logZ, expectedMarginals, expectedTransitions) = BruteForce(labels, emissions, transitions, n);

            var marginals = new double[n * l];
            var counts = new double[(l + 1) * l];
            double logSpace = CrfForwardBackward.LogSpace(emissions, n, l, transitions, final, marginals, counts, new double[CrfForwardBackward.LogSpaceScratchSize(n, l)]);
            var results = new List<(string Name, double LogZ, double[] Marginals, double[] Counts)> { ("log space", logSpace, marginals, counts) };
            var scaledMarginals = new double[n * l];
            var scaledCounts = new double[(l + 1) * l];
            double scaled = CrfForwardBackward.Scaled(emissions, n, l, expTransitions, endWeights, scaledMarginals, scaledCounts, new double[CrfForwardBackward.ScratchSize(n, l)]);
            // The rescaled pass may give up on extreme weights (the objective then uses log space), never be wrong.
            if (!double.IsNaN(scaled)) results.Add(("scaled", scaled, scaledMarginals, scaledCounts));
            else scaledCounts.Should().OnlyContain(v => v == 0, "a pass that gives up leaves the counts alone");
            if (range < 10) double.IsNaN(scaled).Should().BeFalse("moderate weights stay in the double range");

            foreach (var (name, z, m, t) in results)
            {
                z.Should().BeApproximately(logZ, 1e-9 * Math.Max(1, Math.Abs(logZ)), name);
                for (int i = 0; i < n; i++) m.Skip(i * l).Take(l).Sum().Should().BeApproximately(1, 1e-9, $"{name}, position {i}");
                for (int k = 0; k < n * l; k++) m[k].Should().BeApproximately(expectedMarginals[k], 1e-9, name);
                for (int k = 0; k < t.Length; k++) t[k].Should().BeApproximately(expectedTransitions[k], 1e-9, name);
            }
        }
    }

    [Fact]
    public void The_runtime_decoder_gives_the_crf_marginals()
    {
        // A CRF's weights are what the runtime's globally normalised decoder consumes: same marginals at scale 1.
        var labels = LabelSet.Standard;
        int l = labels.Count, n = 7;
        var random = new Random(2);
        var emissions = Enumerable.Range(0, n * l).Select(_ => (float)(6 * random.NextDouble() - 3)).ToArray();
        var weights = Enumerable.Range(0, (l + 1) * l).Select(_ => (float)(4 * random.NextDouble() - 2)).ToArray();
        var decoder = new SequenceDecoder(labels, weights, ScoreNormalization.Global, 1f);
        var runtime = new float[n * l];
        decoder.Decode(emissions.ToArray(), n, new int[n], runtime, new float[decoder.ScratchSize(n)], new int[n * l]);

        var expTransitions = new double[weights.Length];
        for (int from = -1; from < l; from++)
        {
            for (int to = 0; to < l; to++) expTransitions[(from + 1) * l + to] = labels.IsAllowed(from, to) ? Math.Exp(weights[(from + 1) * l + to]) : 0;
        }
        var marginals = new double[n * l];
        CrfForwardBackward.Scaled(emissions.Select(e => (double)e).ToArray(), n, l, expTransitions, Enumerable.Repeat(1.0, l).ToArray(), marginals, new double[(l + 1) * l], new double[CrfForwardBackward.ScratchSize(n, l)]);

        for (int k = 0; k < n * l; k++) ((double)runtime[k]).Should().BeApproximately(marginals[k], 1e-5);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio), 0.0)]
    [InlineData(nameof(LabelScheme.Bilou), 0.0)]
    [InlineData(nameof(LabelScheme.Bio), 0.01)]
    public void The_crf_learns_the_tiny_separable_corpus_perfectly(string scheme, double l1)
    {
        var result = TrainTiny(Enum.Parse<LabelScheme>(scheme), l1);

        result.Model.Data.Normalization.Should().Be(ScoreNormalization.Global);
        result.Model.Data.Scheme.Should().Be(Enum.Parse<LabelScheme>(scheme));
        result.Epochs[result.BestEpoch - 1].TrainAccuracy.Should().Be(100);
        result.Epochs[result.BestEpoch - 1].DevMeanF1.Should().Be(100);
        DevSet.Score(result.Model, [new("tiny", ConllDocuments.Build(TestModels.Sentences(), "tiny"))]).Mean.Should().Be(100);
    }

    [Fact]
    public void Dev_scores_are_taken_every_k_iterations()
    {
        var result = TrainTiny();
        result.Epochs.Should().NotBeEmpty();
        result.Epochs.Select(e => e.Epoch).Should().BeInAscendingOrder();
        result.Epochs.SkipLast(1).Should().OnlyContain(e => e.Epoch % 20 == 0);
    }

    [Fact]
    public void Same_data_gives_byte_identical_models()
    {
        Bytes(TrainTiny().Model.Data).Should().Equal(Bytes(TrainTiny().Model.Data));
    }
}
