using System.CommandLine;
using System.Text.Json;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Cli;

/// <summary><c>tokenize [FILE|-]</c>: one JSON object per token, one per line.</summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input")
        {
            Description = "UTF-8 text file to tokenize; '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var maxInput = InputText.MaxInputOption();
        var encoding = InputText.EncodingOption();
        var command = new Command("tokenize", "Tokenize French text; writes one JSON object per token (JSON Lines).") { input, maxInput, encoding };
        command.SetAction(parse => CommandErrors.Run("tokenize", () =>
        {
            string text = InputText.Read(parse.GetValue(input), InputText.MaxInputBytes(parse.GetValue(maxInput)), InputText.EncodingNamed(parse.GetValue(encoding)!));
            using var stdout = StandardOutput.Open();
            WriteJsonLines(stdout, text, FrenchTokenizer.Default.Tokenize(text));
            return 0;
        }));
        return command;
    }

    /// <summary>Writes <c>{"start":0,"end":2,"text":"l'","kind":"word","sentence":0}</c> lines, <c>end</c> exclusive.</summary>
    internal static void WriteJsonLines(Stream output, string text, IReadOnlyList<Token> tokens)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, JsonLines.WriterOptions);
        foreach (var token in tokens)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", token.Start);
            writer.WriteNumber("end", token.End);
            writer.WriteString("text", token.AsSpan(text));
            writer.WriteString("kind", KindName(token.Kind));
            writer.WriteNumber("sentence", token.SentenceIndex);
            writer.WriteEndObject();
            JsonLines.EndLine(writer, buffered);
        }
    }

    internal static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        TokenKind.Punctuation => "punctuation",
        TokenKind.Symbol => "symbol",
        TokenKind.Url => "url",
        TokenKind.Email => "email",
        TokenKind.Mention => "mention",
        TokenKind.Hashtag => "hashtag",
        _ => "other",
    };
}
