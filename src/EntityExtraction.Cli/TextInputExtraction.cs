using System.Diagnostics;
using System.Text;
using EntityExtraction.Cli.Output;
using EntityExtraction.Pipeline;

namespace EntityExtraction.Cli;

/// <summary>
/// <c>extract</c> on a plain-text input: the text is read through
/// <see cref="FrenchEntityExtractor.ExtractAsync(TextReader, CancellationToken)"/>, block by block, so that memory does
/// not grow with the input. The pretty output writes the text as its entities come. A JSON record puts the whole text
/// before the entities: a text of up to <see cref="WholeTextChars"/> characters is read whole first (the output of
/// every input that fits the extractor's window is what it always was, and an input error leaves the output empty);
/// a longer one is read twice, once into the record's text and once for the entities, from the file again or, for
/// standard input, from a temporary copy.
/// </summary>
internal static class TextInputExtraction
{
    /// <summary>320 K characters: the most that <see cref="FrenchEntityExtractor.ExtractAsync(TextReader, CancellationToken)"/>
    /// resolves as one document.</summary>
    public const int WholeTextChars = StreamingOptions.DefaultOneDocumentChars;

    private const int SegmentChars = 1 << 15;

    public static async Task RunAsync(string? path, long maxBytes, Encoding? encoding, FrenchEntityExtractor extractor, ExtractOutputWriter writer, ExtractTimings? timings, int wholeTextChars = WholeTextChars)
    {
        long started = Stopwatch.GetTimestamp();
        var input = InputText.OpenReader(path, maxBytes, encoding);
        InputReader? again = null;
        try
        {
            if (writer.Format == "pretty")
            {
                var tee = new TextTee(input);
                var pretty = writer.BeginPretty();
                await foreach (var entity in extractor.ExtractAsync(tee, StreamingOptions.Default, timings?.Stages, end => pretty.WriteUpTo(end, tee), CancellationToken.None).ConfigureAwait(false))
                    pretty.Add(entity, tee);
                pretty.Finish(tee);
                return;
            }

            var head = new char[wholeTextChars + 1];
            int count = ReadFully(input, head);
            if (count <= wholeTextChars)
            {
                string text = new(head, 0, count);
                var entities = new List<Entity>();
                await foreach (var entity in Extract(extractor, new StringReader(text), timings).ConfigureAwait(false))
                    entities.Add(entity);
                writer.Write(null, text, entities);
                return;
            }

            using var spool = InputText.IsFile(path) ? null : new TextSpool();
            writer.BeginRecord(null);
            var piece = head.AsSpan(0, count);
            do
            {
                spool?.Write(piece);
                writer.WriteTextSegment(piece, last: false);
                piece = head.AsSpan(0, ReadFully(input, head.AsSpan(0, Math.Min(SegmentChars, head.Length))));
            }
            while (!piece.IsEmpty);
            writer.WriteTextSegment([], last: true);
            TextReader entitiesFrom = spool is null ? again = InputText.OpenReader(path, long.MaxValue, encoding) : spool.Reread();
            await foreach (var entity in Extract(extractor, entitiesFrom, timings).ConfigureAwait(false))
                writer.WriteEntity(entity);
            writer.EndRecord();
        }
        finally
        {
            input.Dispose();
            again?.Dispose();
            if (timings is not null)
            {
                timings.Read = input.ReadTicks + (again?.ReadTicks ?? 0);
                var s = timings.Stages;
                // Writing is what the run spent outside reading and the pipeline.
                timings.Write = Stopwatch.GetTimestamp() - started - timings.Read - (s.Tokenize + s.Model + s.Gazetteer + s.Document + s.Materialise);
            }
        }
    }

    private static IAsyncEnumerable<Entity> Extract(FrenchEntityExtractor extractor, TextReader reader, ExtractTimings? timings) =>
        extractor.ExtractAsync(reader, StreamingOptions.Default, timings?.Stages, null, CancellationToken.None);

    /// <summary>Fills <paramref name="buffer"/> unless the input ends first; the number of characters read.</summary>
    private static int ReadFully(TextReader reader, Span<char> buffer)
    {
        int count = 0, read;
        while (count < buffer.Length && (read = reader.Read(buffer[count..])) > 0)
            count += read;
        return count;
    }

    /// <summary>Standard input kept in a temporary file (deleted when closed), to be read a second time.</summary>
    private sealed class TextSpool : IDisposable
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), $"entity-extraction-{Guid.NewGuid():N}.txt"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

        private readonly StreamWriter _writer;

        public TextSpool() => _writer = new StreamWriter(_file, Utf8, 1 << 16, leaveOpen: true);

        public void Write(ReadOnlySpan<char> text) => _writer.Write(text);

        public StreamReader Reread()
        {
            _writer.Flush();
            _file.Position = 0;
            return new StreamReader(_file, Utf8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        }

        public void Dispose()
        {
            _writer.Dispose();
            _file.Dispose();
        }
    }
}
