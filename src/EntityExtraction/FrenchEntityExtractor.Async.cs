using System.Globalization;
using System.Runtime.CompilerServices;
using EntityExtraction.Pipeline;

namespace EntityExtraction;

public sealed partial class FrenchEntityExtractor
{
    /// <summary>
    /// Finds the entities of a text read from <paramref name="reader"/>, block by block, in memory that does not
    /// grow with the text: a file of any size, a network stream. The entities come in text order, non-overlapping,
    /// as their part of the text is resolved.
    /// </summary>
    /// <remarks>
    /// <para>The text is read in blocks of about 16 K characters, each extended to the next sentence boundary (a
    /// sentence longer than 32 K characters, a text without sentence ends, is cut between two tokens where the
    /// model's 1,000-token pieces are cut), and the blocks are tagged, several at once on several cores.</para>
    /// <para>A stream has no end to wait for, so the document-level stage (the type vote of a name's mentions, the
    /// copies of a name to the mentions the model missed) runs over a sliding window of blocks rather than over the
    /// whole text: the entities of 16 blocks are returned when at least 5 more have been read, with up to 4 returned
    /// blocks kept before them. A mention's vote sees the window — at least 64 K characters on each side of its
    /// block (less at the stream's start and end) — and nothing beyond. A text of up to 320 K characters (327,680)
    /// is read whole before the stage runs once: its entities are exactly those of <see cref="Extract(string)"/>.
    /// Memory holds at most 25 blocks (about 400 K characters) and their tags, whatever the text's length.</para>
    /// <para>Offsets are UTF-16 indices into the whole text the reader gives, from its first character:
    /// <see cref="Entity.Start"/> is an <see cref="int"/>, so a stream may hold up to <see cref="int.MaxValue"/>
    /// (2,147,483,647) UTF-16 code units, about 2 GB of French text in UTF-8. The entities of those are returned; if
    /// the reader has more, the enumeration then throws <see cref="OverflowException"/>, never an entity with a wrong
    /// offset. Give a longer text as several documents (<see cref="ExtractManyAsync"/>).</para>
    /// <para>The input size limits of whole-document calls do not apply. The reader is read from the thread that
    /// enumerates; it is not disposed.</para>
    /// </remarks>
    /// <param name="reader">The text, read to its end.</param>
    /// <param name="cancellationToken">Cancels the extraction: checked between reads and tagging chunks.</param>
    /// <returns>The entities in text order, non-overlapping, with offsets into the whole text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (during the enumeration).</exception>
    /// <exception cref="OverflowException">The text is longer than <see cref="int.MaxValue"/> UTF-16 code units
    /// (during the enumeration, after the entities of the text before that point).</exception>
    public IAsyncEnumerable<Entity> ExtractAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ExtractAsync(reader, StreamingOptions.Default, null, null, cancellationToken);
    }

    /// <summary>
    /// <see cref="ExtractAsync(TextReader, CancellationToken)"/> with other block and window sizes (tests), adding the
    /// time of each stage to <paramref name="timings"/> when given, and telling <paramref name="returnedUpTo"/>, after
    /// the entities of each window, the stream offset before which no entity will come (the command line's pretty
    /// output writes the text up to there).
    /// </summary>
    internal async IAsyncEnumerable<Entity> ExtractAsync(TextReader reader, StreamingOptions options, StageTimings? timings, Action<long>? returnedUpTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var blocks = new TextBlockReader(reader, options);
        var window = new ResolutionWindow(UsesGazetteer, blocks.Recycle);
        var fresh = new List<TextBlock>(options.BlocksBeforeResolving);
        var jobs = new List<TaggingJob>(options.BlocksBeforeResolving);
        var resolved = new List<MergedEntity>();
        bool ended = false;
        while (!ended)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fresh.Clear();
            while (window.Unreturned + fresh.Count < options.BlocksBeforeResolving)
            {
                var block = await blocks.ReadAsync(timings, cancellationToken).ConfigureAwait(false);
                if (block is null || blocks.AtEnd)
                    ended = true;
                if (block is null)
                    break;
                fresh.Add(block);
                if (ended)
                    break;
            }

            jobs.Clear();
            foreach (var block in fresh)
            {
                block.Evidence = blocks.TakeEvidence(block.Tokens.Count, UsesGazetteer);
                jobs.Add(new TaggingJob(block.Text, block.Tokens, block.Evidence));
            }
            Tag(jobs, timings, cancellationToken);
            foreach (var block in fresh)
                window.Add(block);
            if (window.Unreturned == 0)
                break;

            cancellationToken.ThrowIfCancellationRequested();
            long since = timings is null ? 0 : StageTimings.Now;
            resolved.Clear();
            var (text, streamStart, returnedEnd) = window.Resolve(ended ? window.Unreturned : options.StrideBlocks, options.LookbehindBlocks, resolved);
            timings?.AddDocument(since);
            if (timings is not null) since = StageTimings.Now;
            var entities = Materialise(text.Span, resolved, offset: streamStart);
            timings?.AddMaterialise(since);
            foreach (var entity in entities)
                yield return entity;
            returnedUpTo?.Invoke(returnedEnd);
        }
        if (blocks.StreamTooLong)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                $"The text is longer than {options.MaxStreamChars:N0} UTF-16 characters, the most an entity offset (Entity.Start, an int) can index; the entities of that part were returned. Give the text as several documents (ExtractManyAsync)."));
        }
    }

    /// <summary>
    /// Finds the entities of documents that arrive one by one (records of a file, messages of a queue), several at
    /// a time, and returns each document's entities in input order as soon as it and those before it are done.
    /// </summary>
    /// <remarks>
    /// At most twice <paramref name="maxDegreeOfParallelism"/> documents are held at once — being tagged, or done and
    /// waiting for an earlier one — so memory does not grow with the sequence, and the next documents are read from
    /// <paramref name="texts"/> as results are taken. Each document's result is that of
    /// <see cref="Extract(string, CancellationToken)"/>; with a degree of 1 the documents are tagged one after the
    /// other on the enumerating thread. An error (a null document, an exception of the source or of a document) is
    /// thrown in its place in the sequence, after the results of the documents before it; the documents after it
    /// are abandoned. Stopping the enumeration, or cancelling, abandons the documents in flight and waits for them
    /// to stop.
    /// </remarks>
    /// <param name="texts">The documents, each one text; none may be null.</param>
    /// <param name="maxDegreeOfParallelism">How many documents are tagged at once: a positive number, or -1 for
    /// the number of processors; null (the default) takes the extractor's <see cref="MaxDegreeOfParallelism"/>.</param>
    /// <param name="cancellationToken">Cancels the whole sequence.</param>
    /// <returns>For each document, in input order, its entities in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="ArgumentException">A document is null (during the enumeration; the message gives its index).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (during the enumeration).</exception>
    public IAsyncEnumerable<IReadOnlyList<Entity>> ExtractManyAsync(IAsyncEnumerable<string> texts, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int degree = maxDegreeOfParallelism ?? MaxDegreeOfParallelism;
        if (degree is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), degree, "The degree of parallelism must be positive, or -1 for the number of processors.");
        if (degree == -1)
            degree = Environment.ProcessorCount;
        return degree == 1 ? ExtractEachAsync(texts, cancellationToken) : ExtractInParallelAsync(texts, degree, cancellationToken);
    }

    private async IAsyncEnumerable<IReadOnlyList<Entity>> ExtractEachAsync(IAsyncEnumerable<string> texts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int index = 0;
        await foreach (string text in texts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Extract(text ?? throw NullDocument(index, nameof(texts)), cancellationToken);
            index++;
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<Entity>> ExtractInParallelAsync(IAsyncEnumerable<string> texts, int degree, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(degree);
        var inFlight = new Queue<Task<IReadOnlyList<Entity>>>(2 * degree);
        var source = texts.GetAsyncEnumerator(stop.Token);
        try
        {
            bool more = true;
            int index = 0;
            while (true)
            {
                while (more && inFlight.Count < 2 * degree)
                {
                    Task<IReadOnlyList<Entity>>? next;
                    try
                    {
                        more = await source.MoveNextAsync().ConfigureAwait(false);
                        next = !more ? null
                            : source.Current is { } text ? ExtractOnPoolAsync(text, gate, stop.Token)
                            : Task.FromException<IReadOnlyList<Entity>>(NullDocument(index, nameof(texts)));
                    }
#pragma warning disable CA1031 // The source's exception is thrown again in its place in the sequence.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        next = Task.FromException<IReadOnlyList<Entity>>(e);
                    }
                    if (next is null)
                        break;
                    inFlight.Enqueue(next);
                    index++;
                    if (next.IsFaulted)
                        more = false;
                }
                if (inFlight.Count == 0)
                    yield break;
                cancellationToken.ThrowIfCancellationRequested();
                yield return await inFlight.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // Stopped early, cancelled or failed: the documents still in flight are abandoned, and waited for, so
            // that no work of this call goes on after it.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(inFlight.Select(static task => (Task)task)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task<IReadOnlyList<Entity>> ExtractOnPoolAsync(string text, SemaphoreSlim gate, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return Extract(text, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }, cancellationToken);

    private static ArgumentException NullDocument(int index, string parameter) => new($"Document {index} of the sequence is null.", parameter);
}
