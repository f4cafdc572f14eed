using EntityExtraction.Pseudonymization;

namespace EntityExtraction;

/// <summary>
/// What an application calls to find the people, organisations and places of French text: implemented by
/// <see cref="FrenchEntityExtractor"/>, and the service that dependency injection registers
/// (<c>EntityExtraction.Extensions.DependencyInjection</c>), so that code using it can be given a test double.
/// Implementations are thread-safe.
/// </summary>
public interface IFrenchEntityExtractor
{
    /// <summary>What the model is: format, training date, training data and licences.</summary>
    ModelInfo ModelInfo { get; }

    /// <summary>Finds the entities of <paramref name="text"/>, one document.</summary>
    /// <param name="text">French text. Entity offsets are UTF-16 indices into it.</param>
    /// <returns>The entities in text order, non-overlapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    IReadOnlyList<Entity> Extract(string text);

    /// <summary>Finds the entities of <paramref name="text"/>, stopping between blocks of sentences when cancelled.</summary>
    /// <param name="text">French text. Entity offsets are UTF-16 indices into it.</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <returns>The entities in text order, non-overlapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IReadOnlyList<Entity> Extract(string text, CancellationToken cancellationToken);

    /// <summary>Finds the entities of many documents, in parallel; one list per document, in input order.</summary>
    /// <param name="texts">The documents; none may be null.</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>For each document, in input order, its entities in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentException">One of the documents is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IReadOnlyList<IReadOnlyList<Entity>> ExtractMany(IEnumerable<string> texts, CancellationToken cancellationToken = default);

    /// <summary>Replaces the names of <paramref name="text"/> by pseudonyms (<see cref="FrenchEntityExtractor.Pseudonymize"/>).</summary>
    /// <param name="text">French text, one document.</param>
    /// <param name="options">What to replace and how.</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <returns>The new text, the replacements and the map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options' map was made with another key, or Hash is asked without a key.</exception>
    PseudonymizationResult Pseudonymize(string text, PseudonymizationOptions options, CancellationToken cancellationToken = default);

    /// <summary>Gives back the originals of a pseudonymised text (<see cref="PseudonymMap.Restore"/>).</summary>
    /// <param name="pseudonymizedText">A text pseudonymised with <paramref name="map"/>.</param>
    /// <param name="map">The map of that call.</param>
    /// <returns>The original text.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The text holds a tag the map does not know.</exception>
    string Restore(string pseudonymizedText, PseudonymMap map);

    /// <summary>
    /// Finds the entities of a text read from <paramref name="reader"/>, block by block, in memory that does not grow
    /// with the text; the document-level stage (type vote, missed mentions) sees a sliding window of blocks.
    /// <see cref="FrenchEntityExtractor.ExtractAsync(TextReader, CancellationToken)"/> says what the window is.
    /// </summary>
    /// <param name="reader">The text, read to its end.</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <returns>The entities in text order, non-overlapping, with UTF-16 offsets into the whole text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (during the enumeration).</exception>
    /// <exception cref="OverflowException">The text is longer than <see cref="int.MaxValue"/> UTF-16 code units
    /// (during the enumeration, after the entities of the text before that point).</exception>
    IAsyncEnumerable<Entity> ExtractAsync(TextReader reader, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the entities of documents that arrive one by one, several at a time, with a bounded number in flight;
    /// one list per document, in input order.
    /// </summary>
    /// <param name="texts">The documents; none may be null.</param>
    /// <param name="maxDegreeOfParallelism">How many documents are tagged at once: a positive number, -1 for the
    /// number of processors, or null for the extractor's own setting.</param>
    /// <param name="cancellationToken">Cancels the whole sequence.</param>
    /// <returns>For each document, in input order, its entities in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="ArgumentException">A document is null (during the enumeration, in its place).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (during the enumeration).</exception>
    IAsyncEnumerable<IReadOnlyList<Entity>> ExtractManyAsync(IAsyncEnumerable<string> texts, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default);
}
