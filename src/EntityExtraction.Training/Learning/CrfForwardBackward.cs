namespace EntityExtraction.Training.Learning;

/// <summary>
/// Forward–backward for a first-order linear-chain CRF in double precision: log Z, the label marginals
/// P(yᵢ = c) and the expected transition counts Σᵢ P(yᵢ₋₁ = p, yᵢ = c). <see cref="Scaled"/> works on potentials
/// rescaled at every position (fast); when a position's total leaves the range where the ratios are exact it gives
/// up and the caller uses <see cref="LogSpace"/> (log-sum-exp, exact for any weights).
/// </summary>
/// <remarks>
/// Layouts: emissions and marginals <c>[i * L + c]</c>; transitions <c>[(from + 1) * L + to]</c> with from = −1 the
/// sentence start. A forbidden transition is an exponentiated weight of 0 (<c>−∞</c> in log space); a label a
/// sentence may not end on has end weight 0 (<c>−∞</c>).
/// </remarks>
internal static class CrfForwardBackward
{
    // Far above double's smallest normal value: a total this small has lost the precision the ratios need.
    private const double SmallestUsableTotal = 1e-280;

    /// <summary>Scratch doubles <see cref="Scaled"/> needs for <paramref name="length"/> positions.</summary>
    public static int ScratchSize(int length, int l) => 3 * length * l + 2 * length;

    /// <summary>
    /// Rescaled forward–backward. Writes the marginals, adds the expected transition counts to
    /// <paramref name="expectedTransitions"/> (<c>(L + 1) × L</c>) and returns log Z; returns NaN, with
    /// <paramref name="expectedTransitions"/> untouched, when the double range was not enough.
    /// </summary>
    /// <param name="emissions">Emission scores, <c>[i * L + c]</c>.</param>
    /// <param name="length">Number of positions.</param>
    /// <param name="l">Number of labels (L).</param>
    /// <param name="expTransitions">exp(transition weight), 0 where the transition is forbidden.</param>
    /// <param name="endWeights">1 where a sentence may end on the label, 0 where not.</param>
    /// <param name="marginals">Receives P(yᵢ = c), <c>[i * L + c]</c>.</param>
    /// <param name="expectedTransitions">Receives, added, the expected transition counts, <c>[(from + 1) * L + to]</c>.</param>
    /// <param name="scratch">Work space of the size the matching ScratchSize method gives.</param>
    public static double Scaled(ReadOnlySpan<double> emissions, int length, int l, ReadOnlySpan<double> expTransitions, ReadOnlySpan<double> endWeights,
        Span<double> marginals, Span<double> expectedTransitions, Span<double> scratch)
    {
        var psi = scratch[..(length * l)];
        var alpha = scratch.Slice(length * l, length * l);
        var beta = scratch.Slice(2 * length * l, length * l);
        var scale = scratch.Slice(3 * length * l, length);
        var max = scratch.Slice(3 * length * l + length, length);

        for (int i = 0; i < length; i++)
        {
            double m = double.NegativeInfinity;
            for (int c = 0; c < l; c++) m = Math.Max(m, emissions[i * l + c]);
            if (!double.IsFinite(m)) return double.NaN;
            max[i] = m;
            for (int c = 0; c < l; c++) psi[i * l + c] = Math.Exp(emissions[i * l + c] - m);
        }

        double logZ = 0;
        for (int i = 0; i < length; i++)
        {
            var a = alpha.Slice(i * l, l);
            if (i == 0)
            {
                for (int c = 0; c < l; c++) a[c] = expTransitions[c] * psi[c];
            }
            else
            {
                a.Clear();
                var previous = alpha.Slice((i - 1) * l, l);
                for (int p = 0; p < l; p++)
                {
                    double ap = previous[p];
                    if (ap == 0) continue;
                    var row = expTransitions.Slice((p + 1) * l, l);
                    for (int c = 0; c < l; c++) a[c] += ap * row[c];
                }
                for (int c = 0; c < l; c++) a[c] *= psi[i * l + c];
            }
            double total = 0;
            for (int c = 0; c < l; c++) total += a[c];
            if (!IsUsable(total)) return double.NaN;
            for (int c = 0; c < l; c++) a[c] /= total;
            scale[i] = total;
            logZ += max[i] + Math.Log(total);
        }
        double end = 0;
        for (int c = 0; c < l; c++) end += alpha[(length - 1) * l + c] * endWeights[c];
        if (!IsUsable(end)) return double.NaN;
        logZ += Math.Log(end);

        // β̂ᵢ = βᵢ / (Π_{j>i} s_j · end · exp Σ_{j>i} m_j), so that α̂ᵢ(c)·β̂ᵢ(c) = P(yᵢ = c).
        for (int c = 0; c < l; c++) beta[(length - 1) * l + c] = endWeights[c] / end;
        for (int i = length - 2; i >= 0; i--)
        {
            var b = beta.Slice(i * l, l);
            var bNext = beta.Slice((i + 1) * l, l);
            var pNext = psi.Slice((i + 1) * l, l);
            double inverse = 1 / scale[i + 1];
            for (int p = 0; p < l; p++)
            {
                var row = expTransitions.Slice((p + 1) * l, l);
                double sum = 0;
                for (int c = 0; c < l; c++) sum += row[c] * pNext[c] * bNext[c];
                b[p] = sum * inverse;
            }
        }

        for (int k = 0; k < length * l; k++)
        {
            double m = alpha[k] * beta[k];
            if (!double.IsFinite(m)) return double.NaN;
            marginals[k] = m;
        }
        for (int c = 0; c < l; c++) expectedTransitions[c] += marginals[c];
        for (int i = 1; i < length; i++)
        {
            var previous = alpha.Slice((i - 1) * l, l);
            double inverse = 1 / scale[i];
            for (int p = 0; p < l; p++)
            {
                double ap = previous[p] * inverse;
                if (ap == 0) continue;
                var row = expTransitions.Slice((p + 1) * l, l);
                var target = expectedTransitions.Slice((p + 1) * l, l);
                for (int c = 0; c < l; c++) target[c] += ap * row[c] * psi[i * l + c] * beta[i * l + c];
            }
        }
        return logZ;
    }

    private static bool IsUsable(double total) => total >= SmallestUsableTotal && double.IsFinite(total);

    /// <summary>Scratch doubles <see cref="LogSpace"/> needs for <paramref name="length"/> positions.</summary>
    public static int LogSpaceScratchSize(int length, int l) => 2 * length * l + l + 1;

    /// <summary>The same quantities by log-sum-exp: slower, exact for any weights.</summary>
    /// <param name="emissions">Emission scores, <c>[i * L + c]</c>.</param>
    /// <param name="length">Number of positions.</param>
    /// <param name="l">Number of labels (L).</param>
    /// <param name="transitions">Transition weights, <c>−∞</c> where forbidden.</param>
    /// <param name="final">0 where a sentence may end on the label, <c>−∞</c> where not.</param>
    /// <param name="marginals">Receives P(yᵢ = c), <c>[i * L + c]</c>.</param>
    /// <param name="expectedTransitions">Receives, added, the expected transition counts, <c>[(from + 1) * L + to]</c>.</param>
    /// <param name="scratch">Work space of the size the matching ScratchSize method gives.</param>
    public static double LogSpace(ReadOnlySpan<double> emissions, int length, int l, ReadOnlySpan<double> transitions, ReadOnlySpan<double> final,
        Span<double> marginals, Span<double> expectedTransitions, Span<double> scratch)
    {
        var alpha = scratch[..(length * l)];
        var beta = scratch.Slice(length * l, length * l);
        var values = scratch.Slice(2 * length * l, l + 1);

        for (int c = 0; c < l; c++) alpha[c] = transitions[c] + emissions[c];
        for (int i = 1; i < length; i++)
        {
            for (int c = 0; c < l; c++)
            {
                for (int p = 0; p < l; p++) values[p] = alpha[(i - 1) * l + p] + transitions[(p + 1) * l + c];
                alpha[i * l + c] = LogSumExp(values[..l]) + emissions[i * l + c];
            }
        }
        for (int c = 0; c < l; c++) values[c] = alpha[(length - 1) * l + c] + final[c];
        double logZ = LogSumExp(values[..l]);

        for (int c = 0; c < l; c++) beta[(length - 1) * l + c] = final[c];
        for (int i = length - 2; i >= 0; i--)
        {
            for (int p = 0; p < l; p++)
            {
                for (int c = 0; c < l; c++) values[c] = transitions[(p + 1) * l + c] + emissions[(i + 1) * l + c] + beta[(i + 1) * l + c];
                beta[i * l + p] = LogSumExp(values[..l]);
            }
        }

        for (int k = 0; k < length * l; k++) marginals[k] = Probability(alpha[k] + beta[k] - logZ);
        for (int c = 0; c < l; c++) expectedTransitions[c] += marginals[c];
        for (int i = 1; i < length; i++)
        {
            for (int p = 0; p < l; p++)
            {
                for (int c = 0; c < l; c++)
                {
                    expectedTransitions[(p + 1) * l + c] += Probability(
                        alpha[(i - 1) * l + p] + transitions[(p + 1) * l + c] + emissions[i * l + c] + beta[i * l + c] - logZ);
                }
            }
        }
        return logZ;
    }

    private static double Probability(double log) => double.IsNaN(log) || double.IsNegativeInfinity(log) ? 0 : Math.Exp(log);

    private static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values) max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        double sum = 0;
        foreach (double v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
