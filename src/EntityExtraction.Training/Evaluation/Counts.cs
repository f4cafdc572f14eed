namespace EntityExtraction.Training.Evaluation;

/// <summary>True positives, predictions and gold entities, with the derived precision, recall and F1 (in %).</summary>
public readonly record struct Counts(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Counts operator +(Counts a, Counts b) => new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.Gold + b.Gold);
}
