using CsCheck;
using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class SequenceDecoderTests
{
    private static LabelSet Labels(string scheme) => LabelSet.ForStandardTypes(Enum.Parse<LabelScheme>(scheme));

    private static (int[] Path, float[] Marginals) Decode(LabelSet labels, float[] emissions, float[] transitions, ScoreNormalization normalization, int n)
    {
        int l = labels.Count;
        var decoder = new SequenceDecoder(labels, transitions, normalization, 1f);
        var path = new int[n];
        var marginals = new float[n * l];
        decoder.Decode(emissions.ToArray(), n, path, marginals, new float[decoder.ScratchSize(n)], new int[n * l]);
        return (path, marginals);
    }

    private static Gen<(int N, float[] Emissions, float[] Transitions)> Inputs(LabelSet labels, int maxLength, float range) =>
        from n in Gen.Int[1, maxLength]
        from e in Gen.Float[-range, range].Array[n * labels.Count]
        from t in Gen.Float[-range, range].Array[(labels.Count + 1) * labels.Count]
        select (n, e, t);

    // Brute force enumerates every valid path: BILOU has almost twice as many labels, so its sentences stay shorter.
    private static int BruteForceLength(LabelSet labels) => labels.Scheme == LabelScheme.Bio ? 6 : 4;

    private static bool IsValidPath(LabelSet labels, int[] path)
    {
        for (int i = 0; i < path.Length; i++)
        {
            if (!labels.IsAllowed(i == 0 ? -1 : path[i - 1], path[i])) return false;
        }
        return labels.IsAllowedAtEnd(path[^1]);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio))]
    [InlineData(nameof(LabelScheme.Bilou))]
    public void Decoded_paths_never_contain_invalid_transitions_nor_end_inside_an_entity(string scheme)
    {
        var labels = Labels(scheme);
        Inputs(labels, 12, 8f).Sample(x =>
        {
            foreach (var mode in new[] { ScoreNormalization.Global, ScoreNormalization.Local })
            {
                var (path, _) = Decode(labels, x.Emissions, x.Transitions, mode, x.N);
                IsValidPath(labels, path).Should().BeTrue($"{string.Join(' ', path.Select(labels.Name))} was decoded ({mode})");
            }
        }, iter: 300);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio))]
    [InlineData(nameof(LabelScheme.Bilou))]
    public void Viterbi_finds_the_best_valid_path_by_brute_force(string scheme)
    {
        var labels = Labels(scheme);
        Inputs(labels, BruteForceLength(labels), 8f).Sample(x =>
        {
            var (path, _) = Decode(labels, x.Emissions, x.Transitions, ScoreNormalization.Global, x.N);
            double best = AllValidPaths(labels, x.N).Max(p => PathScore(labels, p, x.Emissions, x.Transitions));
            PathScore(labels, path, x.Emissions, x.Transitions).Should().BeApproximately(best, 1e-3);
        }, iter: 100);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio))]
    [InlineData(nameof(LabelScheme.Bilou))]
    public void Marginals_match_brute_force_posteriors_and_sum_to_one(string scheme)
    {
        var labels = Labels(scheme);
        int l = labels.Count;
        Inputs(labels, 4, 3f).Sample(x =>
        {
            var (n, e, t) = x;
            var (_, marginals) = Decode(labels, e, t, ScoreNormalization.Global, n);
            var expected = new double[n * l];
            double z = 0;
            foreach (var p in AllValidPaths(labels, n))
            {
                double weight = Math.Exp(PathScore(labels, p, e, t));
                z += weight;
                for (int i = 0; i < n; i++) expected[i * l + p[i]] += weight;
            }
            for (int i = 0; i < n; i++)
            {
                marginals.AsSpan(i * l, l).ToArray().Sum().Should().BeApproximately(1f, 1e-4f);
                for (int c = 0; c < l; c++) marginals[i * l + c].Should().BeApproximately((float)(expected[i * l + c] / z), 1e-3f);
            }
        }, iter: 60);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio), nameof(ScoreNormalization.Global))]
    [InlineData(nameof(LabelScheme.Bio), nameof(ScoreNormalization.Local))]
    [InlineData(nameof(LabelScheme.Bilou), nameof(ScoreNormalization.Global))]
    public void Marginals_stay_exact_when_scores_are_too_large_for_float_exponentials(string scheme, string normalization)
        => CheckMarginalsAgainstBruteForce(scheme, normalization, seed: null, iterations: 100);

    [Theory]
    // Inputs the property found (about 1 run in 10,000): a valid transition whose exp() under- or overflows a float
    // while every position's total stays usable, so the float pass returned a marginal of 1 where 0.02 was right.
    [InlineData(nameof(LabelScheme.Bio), nameof(ScoreNormalization.Local), "02_4jMtHKjN1")]
    [InlineData(nameof(LabelScheme.Bilou), nameof(ScoreNormalization.Global), "2dQi55bJVEA1")]
    [InlineData(nameof(LabelScheme.Bio), nameof(ScoreNormalization.Global), "d-5LM6ToruT1")]
    public void Marginals_are_exact_on_inputs_that_once_escaped_the_float_range_check(string scheme, string normalization, string seed)
        => CheckMarginalsAgainstBruteForce(scheme, normalization, seed, iterations: 1);

    private static void CheckMarginalsAgainstBruteForce(string scheme, string normalization, string? seed, int iterations)
    {
        // An uncalibrated perceptron has scores in the hundreds: exp() of their differences under- or overflows a
        // float, which used to leave every marginal of a sentence at 0 (confidence 0 for every entity).
        var labels = Labels(scheme);
        var mode = Enum.Parse<ScoreNormalization>(normalization);
        int l = labels.Count;
        Inputs(labels, 4, 400f).Sample(x =>
        {
            var (n, e, t) = x;
            var (_, marginals) = Decode(labels, e, t, mode, n);
            var paths = AllValidPaths(labels, n).ToArray();
            var logWeights = paths.Select(p => mode == ScoreNormalization.Global ? PathScore(labels, p, e, t) : LocalLogProbability(labels, p, e, t)).ToArray();
            double max = logWeights.Max();
            double z = logWeights.Sum(w => Math.Exp(w - max));
            var expected = new double[n * l];
            for (int k = 0; k < paths.Length; k++)
            {
                for (int i = 0; i < n; i++) expected[i * l + paths[k][i]] += Math.Exp(logWeights[k] - max) / z;
            }
            for (int i = 0; i < n; i++)
            {
                marginals.AsSpan(i * l, l).ToArray().Sum().Should().BeApproximately(1f, 1e-3f, $"position {i} of {n}");
                for (int c = 0; c < l; c++) marginals[i * l + c].Should().BeApproximately((float)expected[i * l + c], 2e-2f, $"label {labels.Name(c)} at {i}");
            }
        }, seed: seed, iter: iterations);
    }

    [Theory]
    [InlineData(nameof(LabelScheme.Bio))]
    [InlineData(nameof(LabelScheme.Bilou))]
    public void Local_normalisation_scores_paths_as_products_of_conditional_probabilities(string scheme)
    {
        var labels = Labels(scheme);
        Inputs(labels, 4, 3f).Sample(x =>
        {
            var (n, e, t) = x;
            var (path, _) = Decode(labels, e, t, ScoreNormalization.Local, n);
            double best = AllValidPaths(labels, n).Max(p => LocalLogProbability(labels, p, e, t));
            LocalLogProbability(labels, path, e, t).Should().BeApproximately(best, 1e-3);
        }, iter: 60);
    }

    [Fact]
    public void Inside_after_outside_is_never_chosen_even_when_it_scores_highest()
    {
        // Emissions strongly prefer O then I-PER; the decoder must pick a valid alternative.
        var labels = LabelSet.Standard;
        int l = labels.Count;
        var e = new float[2 * l];
        e[0] = 5f;
        e[l + labels.Inside(0)] = 10f;
        var (path, _) = Decode(labels, e, new float[(l + 1) * l], ScoreNormalization.Global, 2);
        path.Should().NotEqual([0, labels.Inside(0)]);
        labels.IsAllowed(path[0], path[1]).Should().BeTrue();
    }

    [Theory]
    [InlineData(nameof(ScoreNormalization.Global))]
    [InlineData(nameof(ScoreNormalization.Local))]
    public void A_bilou_sentence_never_ends_inside_an_entity_even_when_that_scores_highest(string normalization)
    {
        var mode = Enum.Parse<ScoreNormalization>(normalization);
        // "Jean Dupont": emissions say O then B-PER (an entity left open at the end). The best path that may end
        // there is B-PER L-PER or O U-PER; neither the open B-PER nor its marginal may survive.
        var labels = LabelSet.ForStandardTypes(LabelScheme.Bilou);
        int l = labels.Count;
        var e = new float[2 * l];
        e[LabelSet.Outside] = 5f;
        e[labels.Label(LabelPart.Begin, 0)] = 4f;
        e[l + labels.Label(LabelPart.Begin, 0)] = 10f;
        e[l + labels.Label(LabelPart.Last, 0)] = 6f;
        e[l + labels.Label(LabelPart.Unit, 0)] = 2f;
        var (path, marginals) = Decode(labels, e, new float[(l + 1) * l], mode, 2);

        path.Should().Equal(labels.Label(LabelPart.Begin, 0), labels.Label(LabelPart.Last, 0));
        for (int c = 0; c < l; c++)
        {
            if (!labels.IsAllowedAtEnd(c)) marginals[l + c].Should().Be(0f, $"{labels.Name(c)} cannot end a sentence");
        }
    }

    private static double PathScore(LabelSet labels, int[] path, float[] e, float[] t)
    {
        int l = labels.Count;
        double s = 0;
        for (int i = 0; i < path.Length; i++) s += e[i * l + path[i]] + t[((i == 0 ? -1 : path[i - 1]) + 1) * l + path[i]];
        return s;
    }

    private static double LocalLogProbability(LabelSet labels, int[] path, float[] e, float[] t)
    {
        int l = labels.Count;
        double s = 0;
        for (int i = 0; i < path.Length; i++)
        {
            int from = i == 0 ? -1 : path[i - 1];
            double z = 0;
            double max = double.NegativeInfinity;
            for (int c = 0; c < l; c++) if (labels.IsAllowed(from, c)) max = Math.Max(max, e[i * l + c] + t[(from + 1) * l + c]);
            for (int c = 0; c < l; c++) if (labels.IsAllowed(from, c)) z += Math.Exp(e[i * l + c] + t[(from + 1) * l + c] - max);
            s += e[i * l + path[i]] + t[(from + 1) * l + path[i]] - max - Math.Log(z);
        }
        return s;
    }

    /// <summary>Every label sequence of length <paramref name="n"/> with valid transitions that may end where it ends.</summary>
    private static IEnumerable<int[]> AllValidPaths(LabelSet labels, int n)
    {
        var path = new int[n];
        IEnumerable<int[]> Extend(int i)
        {
            if (i == n)
            {
                if (labels.IsAllowedAtEnd(path[n - 1])) yield return (int[])path.Clone();
                yield break;
            }
            for (int c = 0; c < labels.Count; c++)
            {
                if (!labels.IsAllowed(i == 0 ? -1 : path[i - 1], c)) continue;
                path[i] = c;
                foreach (var p in Extend(i + 1)) yield return p;
            }
        }
        return Extend(0);
    }
}
