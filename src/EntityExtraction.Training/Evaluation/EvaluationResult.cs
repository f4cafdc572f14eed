namespace EntityExtraction.Training.Evaluation;

/// <summary>The scores of one evaluated file, plus the mean predicted and gold entity lengths in tokens.</summary>
public sealed record EvaluationResult(string Name, Scorer Scores, int Documents, int Tokens, double MeanPredictedTokens, double MeanGoldTokens);
