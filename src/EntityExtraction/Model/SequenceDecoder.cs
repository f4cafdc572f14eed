namespace EntityExtraction.Model;

/// <summary>
/// Viterbi decoding restricted to valid transitions, and forward–backward marginals for confidences.
/// Works on caller-provided buffers; holds no state, so it is safe to share across threads.
/// </summary>
/// <remarks>
/// The potential of label <c>c</c> at position <c>i</c> after <c>p</c> is <c>exp(s·(E[i,c] + T[p,c]))</c>,
/// divided by its sum over <c>c</c> in <see cref="ScoreNormalization.Local"/> mode. It factorises into one
/// exponential per label per position, which keeps marginals cheap.
/// </remarks>
internal sealed class SequenceDecoder
{
    private readonly LabelSet _labels;
    private readonly float[] _transitions;    // [(from + 1) * L + to], from = -1 is the start; -inf where invalid
    private readonly float[] _expTransitions; // exp(scale * transitions), 0 where invalid
    private readonly float[] _final;          // per label: 0 if a sentence may end on it, -inf if not
    private readonly float[] _endWeights;     // per label: 1 if a sentence may end on it, 0 if not
    private readonly ScoreNormalization _normalization;
    private readonly float _scale;

    // Whether exp(scale * transition) of every valid transition stays far from float's overflow and underflow, so
    // that the rescaled float forward–backward loses no path's weight; otherwise every sentence goes to log space.
    private readonly bool _transitionsFitFloat;
    private const float LargestFloatExponent = 30f;

    public SequenceDecoder(LabelSet labels, float[] transitions, ScoreNormalization normalization, float confidenceScale)
    {
        _labels = labels;
        int l = labels.Count;
        if (transitions.Length != (l + 1) * l) throw new ArgumentException("Transition matrix has the wrong size.", nameof(transitions));
        _normalization = normalization;
        _scale = confidenceScale;
        _transitions = new float[transitions.Length];
        _expTransitions = new float[transitions.Length];
        _transitionsFitFloat = true;
        for (int from = -1; from < l; from++)
        {
            for (int to = 0; to < l; to++)
            {
                int k = (from + 1) * l + to;
                bool ok = labels.IsAllowed(from, to);
                _transitions[k] = ok ? transitions[k] : float.NegativeInfinity;
                _expTransitions[k] = ok ? MathF.Exp(_scale * transitions[k]) : 0f;
                if (ok && !(MathF.Abs(_scale * transitions[k]) <= LargestFloatExponent)) _transitionsFitFloat = false;
            }
        }
        _final = new float[l];
        _endWeights = new float[l];
        for (int c = 0; c < l; c++)
        {
            bool ok = labels.IsAllowedAtEnd(c);
            _final[c] = ok ? 0f : float.NegativeInfinity;
            _endWeights[c] = ok ? 1f : 0f;
        }
    }

    public int LabelCount => _labels.Count;

    /// <summary>Scratch floats needed for <paramref name="length"/> positions.</summary>
    public int ScratchSize(int length) => length * _labels.Count * 3 + (length + 1) * _labels.Count + _labels.Count * 2;

    /// <summary>
    /// Decodes the best valid label sequence for the emission scores <paramref name="emissions"/>
    /// (<c>[i * L + label]</c>) into <paramref name="path"/>, and fills <paramref name="marginals"/>
    /// (same layout) with posterior label probabilities. Emissions are overwritten with normalised potentials.
    /// </summary>
    public void Decode(Span<float> emissions, int length, Span<int> path, Span<float> marginals, Span<float> scratch, Span<int> backPointers)
    {
        if (length == 0) return;
        int l = _labels.Count;
        var potentials = scratch[..(length * l)];          // exp(scale * (E - max)), per position
        var alpha = scratch.Slice(length * l, length * l);
        var beta = scratch.Slice(2 * length * l, length * l);
        var logZ = scratch.Slice(3 * length * l, (length + 1) * l); // Local only: log normaliser per (i, prev)
        var delta = scratch.Slice(3 * length * l + (length + 1) * l, l);
        var next = scratch.Slice(3 * length * l + (length + 1) * l + l, l);

        ComputePotentials(emissions, length, potentials, logZ);
        Viterbi(emissions, length, logZ, path, delta, next, backPointers);
        if (!_transitionsFitFloat || !Marginals(length, potentials, alpha, beta, marginals))
            LogSpaceMarginals(emissions, length, alpha, beta, marginals);
    }

    private void ComputePotentials(Span<float> emissions, int length, Span<float> potentials, Span<float> logZ)
    {
        int l = _labels.Count;
        for (int i = 0; i < length; i++)
        {
            var e = emissions.Slice(i * l, l);
            var p = potentials.Slice(i * l, l);
            float max = float.NegativeInfinity;
            for (int c = 0; c < l; c++) max = MathF.Max(max, e[c]);
            for (int c = 0; c < l; c++) p[c] = MathF.Exp(_scale * (e[c] - max));
            if (_normalization == ScoreNormalization.Local)
            {
                // Z(i, prev) = Σ_c exp(E[i,c] + T[prev,c]); store log Z so Viterbi can subtract it.
                int firstFrom = i == 0 ? -1 : 0;
                int lastFrom = i == 0 ? -1 : l - 1;
                for (int from = firstFrom; from <= lastFrom; from++)
                {
                    float z = 0f;
                    var row = _expTransitions.AsSpan((from + 1) * l, l);
                    for (int c = 0; c < l; c++) z += p[c] * row[c];
                    logZ[i * l + (from + 1 == 0 ? 0 : from)] = z > 0 ? MathF.Log(z) / _scale + max : float.PositiveInfinity;
                }
            }
        }
    }

    private void Viterbi(ReadOnlySpan<float> emissions, int length, ReadOnlySpan<float> logZ, Span<int> path, Span<float> delta, Span<float> next, Span<int> back)
        => BestPath(emissions, length, _labels.Count, _transitions, _final, _normalization == ScoreNormalization.Local ? logZ : default, path, delta, next, back);

    /// <summary>
    /// Viterbi over emissions plus <paramref name="transitions"/> (<c>-inf</c> where a transition is invalid), plus
    /// <paramref name="final"/> on the last label (<c>-inf</c> where a sentence may not end), minus the
    /// per-(position, previous label) log normaliser <paramref name="logZ"/> when it is not empty.
    /// </summary>
    public static void BestPath(ReadOnlySpan<float> emissions, int length, int l, ReadOnlySpan<float> transitions, ReadOnlySpan<float> final, ReadOnlySpan<float> logZ, Span<int> path, Span<float> delta, Span<float> next, Span<int> back)
    {
        bool local = !logZ.IsEmpty;
        for (int c = 0; c < l; c++)
        {
            delta[c] = emissions[c] + transitions[c] - (local ? logZ[0] : 0f);
        }
        for (int i = 1; i < length; i++)
        {
            for (int c = 0; c < l; c++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < l; p++)
                {
                    float v = delta[p] + transitions[(p + 1) * l + c] - (local ? logZ[i * l + p] : 0f);
                    if (v > best) { best = v; arg = p; }
                }
                next[c] = best + emissions[i * l + c];
                back[i * l + c] = arg;
            }
            next[..l].CopyTo(delta);
        }
        int last = 0;
        for (int c = 1; c < l; c++)
        {
            if (delta[c] + final[c] > delta[last] + final[last]) last = c;
        }
        path[length - 1] = last;
        for (int i = length - 1; i > 0; i--)
        {
            path[i - 1] = back[i * l + path[i]];
        }
    }

    /// <summary>
    /// Forward–backward over the exponentiated potentials, rescaled at each position. Returns false when the
    /// float range was not enough (with large weights and a large scale, every path through a position can
    /// underflow to 0, or a transition can overflow to infinity); the caller then works in log space.
    /// </summary>
    private bool Marginals(int length, ReadOnlySpan<float> potentials, Span<float> alpha, Span<float> beta, Span<float> marginals)
    {
        int l = _labels.Count;
        bool local = _normalization == ScoreNormalization.Local;
        // Forward, rescaled to sum 1 at each position to stay in range.
        for (int i = 0; i < length; i++)
        {
            float forward = ForwardStep(potentials, alpha, i, i - 1, local);
            if (!IsUsableTotal(forward)) return false;
            Normalize(forward, alpha.Slice(i * l, l));
        }

        _endWeights.CopyTo(beta.Slice((length - 1) * l, l));
        for (int i = length - 2; i >= 0; i--)
        {
            var b = beta.Slice(i * l, l);
            var pNext = potentials.Slice((i + 1) * l, l);
            var bNext = beta.Slice((i + 1) * l, l);
            float total = 0f;
            for (int p = 0; p < l; p++)
            {
                var row = _expTransitions.AsSpan((p + 1) * l, l);
                float z = local ? Dot(pNext, row) : 1f;
                if (!IsUsableTotal(z)) return false;
                float s = 0f;
                for (int c = 0; c < l; c++) s += row[c] * pNext[c] * bNext[c];
                b[p] = s / z;
                total += b[p];
            }
            if (!IsUsableTotal(total)) return false;
            for (int p = 0; p < l; p++) b[p] /= total;
        }

        for (int i = 0; i < length; i++)
        {
            var m = marginals.Slice(i * l, l);
            float total = 0f;
            for (int c = 0; c < l; c++) total += m[c] = alpha[i * l + c] * beta[i * l + c];
            if (!IsUsableTotal(total)) return false;
            for (int c = 0; c < l; c++) m[c] /= total;
        }
        return true;
    }

    // Far above float's smallest normal value: a total this small has lost the precision the ratios need.
    private const float SmallestUsableTotal = 1e-30f;

    private static bool IsUsableTotal(float total) => total >= SmallestUsableTotal && float.IsFinite(total);

    /// <summary>
    /// The same marginals computed with log-sum-exp in double precision: slower, but exact whatever the scale of
    /// the weights. Used only for the sentences the rescaled float pass cannot represent.
    /// </summary>
    private void LogSpaceMarginals(ReadOnlySpan<float> emissions, int length, Span<float> alpha, Span<float> beta, Span<float> marginals)
    {
        int l = _labels.Count;
        Span<double> values = stackalloc double[l + 1];
        for (int i = 0; i < length; i++)
        {
            var a = alpha.Slice(i * l, l);
            for (int c = 0; c < l; c++)
            {
                double best = double.NegativeInfinity;
                int firstFrom = i == 0 ? -1 : 0, lastFrom = i == 0 ? -1 : l - 1;
                int count = 0;
                for (int from = firstFrom; from <= lastFrom; from++)
                {
                    double previous = i == 0 ? 0.0 : alpha[(i - 1) * l + from];
                    double v = previous + LogPotential(emissions, i, from, c);
                    values[count++] = v;
                    best = Math.Max(best, v);
                }
                a[c] = (float)LogSumExp(values[..count], best);
            }
        }
        for (int c = 0; c < l; c++) beta[(length - 1) * l + c] = _final[c];
        for (int i = length - 2; i >= 0; i--)
        {
            for (int p = 0; p < l; p++)
            {
                double best = double.NegativeInfinity;
                for (int c = 0; c < l; c++)
                {
                    double v = LogPotential(emissions, i + 1, p, c) + beta[(i + 1) * l + c];
                    values[c] = v;
                    best = Math.Max(best, v);
                }
                beta[i * l + p] = (float)LogSumExp(values[..l], best);
            }
        }
        for (int i = 0; i < length; i++)
        {
            double best = double.NegativeInfinity;
            for (int c = 0; c < l; c++)
            {
                values[c] = (double)alpha[i * l + c] + beta[i * l + c];
                best = Math.Max(best, values[c]);
            }
            double log = LogSumExp(values[..l], best);
            for (int c = 0; c < l; c++)
                marginals[i * l + c] = double.IsNegativeInfinity(values[c]) ? 0f : (float)Math.Exp(values[c] - log);
        }
    }

    // log of the potential of label c at position i after label `from` (-1: the start), normalised over c in Local mode.
    private double LogPotential(ReadOnlySpan<float> emissions, int i, int from, int c)
    {
        int l = _labels.Count;
        double t = _transitions[(from + 1) * l + c];
        if (double.IsNegativeInfinity(t)) return double.NegativeInfinity;
        double v = _scale * ((double)emissions[i * l + c] + t);
        if (_normalization != ScoreNormalization.Local) return v;
        Span<double> values = stackalloc double[l];
        double best = double.NegativeInfinity;
        for (int k = 0; k < l; k++)
        {
            double tk = _transitions[(from + 1) * l + k];
            values[k] = double.IsNegativeInfinity(tk) ? double.NegativeInfinity : _scale * ((double)emissions[i * l + k] + tk);
            best = Math.Max(best, values[k]);
        }
        return v - LogSumExp(values, best);
    }

    private static double LogSumExp(ReadOnlySpan<double> values, double max)
    {
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        double sum = 0;
        foreach (double v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    private float ForwardStep(ReadOnlySpan<float> potentials, Span<float> alpha, int i, int previous, bool local)
    {
        int l = _labels.Count;
        var a = alpha.Slice(i * l, l);
        var pot = potentials.Slice(i * l, l);
        if (previous < 0)
        {
            var row = _expTransitions.AsSpan(0, l);
            float z = local ? Dot(pot, row) : 1f;
            if (!IsUsableTotal(z)) return float.NaN;
            for (int c = 0; c < l; c++) a[c] = row[c] * pot[c] / z;
        }
        else
        {
            a.Clear();
            var aPrev = alpha.Slice(previous * l, l);
            for (int p = 0; p < l; p++)
            {
                if (aPrev[p] == 0f) continue;
                var row = _expTransitions.AsSpan((p + 1) * l, l);
                float z = local ? Dot(pot, row) : 1f;
                if (!IsUsableTotal(z)) return float.NaN;
                float w = aPrev[p] / z;
                for (int c = 0; c < l; c++) a[c] += w * row[c] * pot[c];
            }
        }
        float total = 0f;
        for (int c = 0; c < l; c++) total += a[c];
        return total;
    }

    private static void Normalize(float total, Span<float> values)
    {
        if (total <= 0) return;
        for (int c = 0; c < values.Length; c++) values[c] /= total;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float s = 0f;
        for (int c = 0; c < a.Length; c++) s += a[c] * b[c];
        return s;
    }
}
