using CsCheck;
using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

public class SequenceDecoderTests
{
    private static readonly LabelSet Labels = LabelSet.Standard;
    private static readonly int L = Labels.Count;

    private static (int[] Path, float[] Marginals) Decode(float[] emissions, float[] transitions, ScoreNormalization normalization, int n)
    {
        var decoder = new SequenceDecoder(Labels, transitions, normalization, 1f);
        var path = new int[n];
        var marginals = new float[n * L];
        decoder.Decode(emissions.ToArray(), n, path, marginals, new float[decoder.ScratchSize(n)], new int[n * L]);
        return (path, marginals);
    }

    private static Gen<(int N, float[] Emissions, float[] Transitions)> Inputs =>
        from n in Gen.Int[1, 6]
        from e in Gen.Float[-8f, 8f].Array[n * L]
        from t in Gen.Float[-8f, 8f].Array[(L + 1) * L]
        select (n, e, t);

    private static Gen<(int N, float[] Emissions, float[] Transitions)> SmallInputs =>
        from n in Gen.Int[1, 4]
        from e in Gen.Float[-3f, 3f].Array[n * L]
        from t in Gen.Float[-3f, 3f].Array[(L + 1) * L]
        select (n, e, t);

    [Fact]
    public void Decoded_paths_never_contain_invalid_transitions()
    {
        Inputs.Sample(x =>
        {
            foreach (var mode in new[] { ScoreNormalization.Global, ScoreNormalization.Local })
            {
                var (path, _) = Decode(x.Emissions, x.Transitions, mode, x.N);
                for (int i = 0; i < x.N; i++)
                {
                    Labels.IsAllowed(i == 0 ? -1 : path[i - 1], path[i]).Should().BeTrue();
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Viterbi_finds_the_best_valid_path_by_brute_force()
    {
        Inputs.Sample(x =>
        {
            var (path, _) = Decode(x.Emissions, x.Transitions, ScoreNormalization.Global, x.N);
            double best = double.NegativeInfinity;
            foreach (var candidate in AllValidPaths(x.N))
            {
                best = Math.Max(best, PathScore(candidate, x.Emissions, x.Transitions));
            }
            PathScore(path, x.Emissions, x.Transitions).Should().BeApproximately(best, 1e-3);
        }, iter: 100);
    }

    [Fact]
    public void Marginals_match_brute_force_posteriors_and_sum_to_one()
    {
        SmallInputs.Sample(x =>
        {
            var (n, e, t) = x;
            var (_, marginals) = Decode(e, t, ScoreNormalization.Global, n);
            var expected = new double[n * L];
            double z = 0;
            foreach (var p in AllValidPaths(n))
            {
                double weight = Math.Exp(PathScore(p, e, t));
                z += weight;
                for (int i = 0; i < n; i++) expected[i * L + p[i]] += weight;
            }
            for (int i = 0; i < n; i++)
            {
                marginals.AsSpan(i * L, L).ToArray().Sum().Should().BeApproximately(1f, 1e-4f);
                for (int c = 0; c < L; c++) marginals[i * L + c].Should().BeApproximately((float)(expected[i * L + c] / z), 1e-3f);
            }
        }, iter: 60);
    }

    [Fact]
    public void Local_normalisation_scores_paths_as_products_of_conditional_probabilities()
    {
        SmallInputs.Sample(x =>
        {
            var (n, e, t) = x;
            var (path, _) = Decode(e, t, ScoreNormalization.Local, n);
            double best = AllValidPaths(n).Max(p => LocalLogProbability(p, e, t));
            LocalLogProbability(path, e, t).Should().BeApproximately(best, 1e-3);
        }, iter: 60);
    }

    [Fact]
    public void Inside_after_outside_is_never_chosen_even_when_it_scores_highest()
    {
        // Emissions strongly prefer O then I-PER; the decoder must pick a valid alternative.
        var e = new float[2 * L];
        e[0] = 5f;
        e[L + LabelSet.Inside(0)] = 10f;
        var (path, _) = Decode(e, new float[(L + 1) * L], ScoreNormalization.Global, 2);
        path.Should().NotEqual([0, LabelSet.Inside(0)]);
        Labels.IsAllowed(path[0], path[1]).Should().BeTrue();
    }

    private static double PathScore(int[] path, float[] e, float[] t)
    {
        double s = 0;
        for (int i = 0; i < path.Length; i++) s += e[i * L + path[i]] + t[((i == 0 ? -1 : path[i - 1]) + 1) * L + path[i]];
        return s;
    }

    private static double LocalLogProbability(int[] path, float[] e, float[] t)
    {
        double s = 0;
        for (int i = 0; i < path.Length; i++)
        {
            int from = i == 0 ? -1 : path[i - 1];
            double z = 0;
            for (int c = 0; c < L; c++) if (Labels.IsAllowed(from, c)) z += Math.Exp(e[i * L + c] + t[(from + 1) * L + c]);
            s += e[i * L + path[i]] + t[(from + 1) * L + path[i]] - Math.Log(z);
        }
        return s;
    }

    private static IEnumerable<int[]> AllValidPaths(int n)
    {
        var path = new int[n];
        IEnumerable<int[]> Extend(int i)
        {
            if (i == n)
            {
                yield return (int[])path.Clone();
                yield break;
            }
            for (int c = 0; c < L; c++)
            {
                if (!Labels.IsAllowed(i == 0 ? -1 : path[i - 1], c)) continue;
                path[i] = c;
                foreach (var p in Extend(i + 1)) yield return p;
            }
        }
        return Extend(0);
    }
}
