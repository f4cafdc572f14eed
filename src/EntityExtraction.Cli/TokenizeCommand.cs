using System.CommandLine;
using System.Text;
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
        var command = new Command("tokenize", "Tokenize French text; writes one JSON object per token (JSON Lines).") { input };
        command.SetAction(parse => Run(parse.GetValue(input)));
        return command;
    }

    private static int Run(string? path)
    {
        string text = InputText.Read(path);
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var token in tokens)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", token.Start);
            writer.WriteNumber("end", token.End);
            writer.WriteString("text", token.AsSpan(text));
            writer.WriteString("kind", KindName(token.Kind));
            writer.WriteNumber("sentence", token.SentenceIndex);
            writer.WriteEndObject();
            writer.Flush();
            buffered.WriteByte((byte)'\n');
            writer.Reset();
        }
        return 0;
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
