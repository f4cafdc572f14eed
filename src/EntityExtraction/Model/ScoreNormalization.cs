namespace EntityExtraction.Model;

/// <summary>How label scores turn into a sequence distribution.</summary>
internal enum ScoreNormalization : byte
{
    /// <summary>Scores are summed along the path and normalised once over all paths (perceptron, CRF).</summary>
    Global = 0,

    /// <summary>
    /// Each position is a softmax over the next label given the previous one (maximum-entropy Markov model):
    /// emission plus transition row, normalised per previous label.
    /// </summary>
    Local = 1,
}
