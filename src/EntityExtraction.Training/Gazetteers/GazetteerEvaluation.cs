using System.Text;
using System.Text.Json;
using EntityExtraction.Gazetteers;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Gazetteers;

/// <summary>
/// Scores a gazetteer used alone as a tagger: a hit is correct when its span and type equal a gold entity
/// (PER, ORG, LOC; MISC gold spans are not expected, so hits on them count as false positives).
/// </summary>
public static class GazetteerEvaluation
{
    /// <summary>Counts of one evaluation, with the false positives for inspection.</summary>
    public sealed record Score(int Gold, int Hits, int Correct, IReadOnlyList<string> FalsePositives, IReadOnlyList<string> Missed)
    {
        public double Precision => Hits == 0 ? 0 : (double)Correct / Hits;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() =>
            $"gold {Gold}, hits {Hits}, correct {Correct}: P {Precision:P1} R {Recall:P1} F1 {F1:P1}";
    }

    /// <summary>Evaluates on a JSON Lines file of raw text (<c>{"text", "entities":[{"start","end","type"}]}</c>), tokenized by the library.</summary>
    public static Score OnJsonLines(Gazetteer gazetteer, string path)
    {
        var documents = new List<(string Text, IReadOnlyList<Token> Tokens, HashSet<(int, int, EntityType)> Gold)>();
        foreach (string line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            string text = document.RootElement.GetProperty("text").GetString()!;
            var gold = new HashSet<(int, int, EntityType)>();
            foreach (var entity in document.RootElement.GetProperty("entities").EnumerateArray())
            {
                if (EntityTypeCodes.TryParseCode(entity.GetProperty("type").GetString()!, out var type))
                    gold.Add((entity.GetProperty("start").GetInt32(), entity.GetProperty("end").GetInt32(), type));
            }
            documents.Add((text, FrenchTokenizer.Default.Tokenize(text), gold));
        }
        return Evaluate(gazetteer, documents);
    }

    /// <summary>Evaluates on an IOB2 CoNLL file with its gold tokens (each sentence joined by spaces).</summary>
    public static Score OnConll(Gazetteer gazetteer, string path)
    {
        var documents = new List<(string, IReadOnlyList<Token>, HashSet<(int, int, EntityType)>)>();
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var gold = new HashSet<(int, int, EntityType)>();
        int spanStart = -1, spanEnd = -1;
        EntityType? spanType = null;

        void CloseSpan()
        {
            if (spanType is { } type)
                gold.Add((spanStart, spanEnd, type));
            spanType = null;
        }

        void CloseSentence()
        {
            CloseSpan();
            if (tokens.Count > 0)
                documents.Add((text.ToString(), tokens.ToList(), gold));
            text.Clear();
            tokens.Clear();
            gold = [];
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                CloseSentence();
                continue;
            }
            int tab = line.LastIndexOf('\t');
            string token = line[..tab];
            string tag = line[(tab + 1)..];
            if (text.Length > 0)
                text.Append(' ');
            int start = text.Length;
            text.Append(token);
            var kind = token.Length > 0 && (char.IsLetter(token[0]) || char.IsDigit(token[0])) ? TokenKind.Word : TokenKind.Punctuation;
            tokens.Add(new Token(start, token.Length, kind, 0));

            bool inside = tag.StartsWith("I-", StringComparison.Ordinal) && spanType is not null
                && EntityTypeCodes.TryParseCode(tag.AsSpan(2), out var insideType) && insideType == spanType;
            if (inside)
            {
                spanEnd = start + token.Length;
                continue;
            }
            CloseSpan();
            if (tag.Length > 2 && EntityTypeCodes.TryParseCode(tag.AsSpan(2), out var type))
            {
                spanType = type;
                spanStart = start;
                spanEnd = start + token.Length;
            }
        }
        CloseSentence();
        return Evaluate(gazetteer, documents);
    }

    private static Score Evaluate(Gazetteer gazetteer, List<(string Text, IReadOnlyList<Token> Tokens, HashSet<(int, int, EntityType)> Gold)> documents)
    {
        int goldCount = 0, hits = 0, correct = 0;
        var falsePositives = new List<string>();
        var missed = new List<string>();
        var matches = new List<GazetteerMatch>();
        foreach (var (text, tokens, gold) in documents)
        {
            matches.Clear();
            gazetteer.FindMatches(text, tokens, 0, tokens.Count, matches);
            goldCount += gold.Count;
            hits += matches.Count;
            foreach (var match in matches)
            {
                if (gold.Contains((match.Start, match.End, match.Type)))
                    correct++;
                else
                    falsePositives.Add($"{text.Substring(match.Start, match.Length)}\t{EntityTypeCodes.ToCode(match.Type)}\t{match.Evidence}");
            }
            foreach (var (start, end, type) in gold)
            {
                if (!matches.Exists(m => m.Start == start && m.End == end && m.Type == type))
                    missed.Add($"{text[start..end]}\t{EntityTypeCodes.ToCode(type)}");
            }
        }
        return new Score(goldCount, hits, correct, falsePositives, missed);
    }
}
