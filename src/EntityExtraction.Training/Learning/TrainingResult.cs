using EntityExtraction.Model;

namespace EntityExtraction.Training.Learning;

/// <summary>The selected model and, per epoch, the training accuracy and dev F1 that selection was based on.</summary>
public sealed record TrainingResult(NerModel Model, int BestEpoch, IReadOnlyList<EpochReport> Epochs);

/// <summary>One epoch: token accuracy on the training data during the pass, loss if the learner has one, dev F1.</summary>
public sealed record EpochReport(int Epoch, double TrainAccuracy, double DevMeanF1, double[] DevF1, TimeSpan Elapsed);
