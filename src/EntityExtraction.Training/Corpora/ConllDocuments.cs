using System.Text;
using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// Lays CoNLL sentences out as text so they are scored in character-span space like raw text: tokens joined by
/// single spaces, sentences by a newline, with <see cref="Token"/>s over that text (one sentence index each).
/// </summary>
public static class ConllDocuments
{
    /// <summary>Groups <paramref name="sentences"/> into documents of at most <paramref name="sentencesPerDocument"/>.</summary>
    public static List<AnnotatedDocument> Build(IReadOnlyList<TaggedSentence> sentences, string name, int sentencesPerDocument = 100)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var documents = new List<AnnotatedDocument>();
        for (int first = 0; first < sentences.Count; first += sentencesPerDocument)
        {
            int count = Math.Min(sentencesPerDocument, sentences.Count - first);
            documents.Add(Build(sentences, first, count, $"{name}#{first}"));
        }
        return documents;
    }

    private static AnnotatedDocument Build(IReadOnlyList<TaggedSentence> sentences, int first, int count, string id)
    {
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var entities = new List<EntitySpan>();
        for (int s = 0; s < count; s++)
        {
            var sentence = sentences[first + s];
            if (s > 0) text.Append('\n');
            int sentenceFirstToken = tokens.Count;
            for (int i = 0; i < sentence.Words.Length; i++)
            {
                if (i > 0) text.Append(' ');
                string word = sentence.Words[i];
                tokens.Add(new Token(text.Length, word.Length, KindOf(word), s));
                text.Append(word);
            }
            AddEntities(sentence.Labels, tokens, sentenceFirstToken, entities);
        }
        return new AnnotatedDocument(id, text.ToString(), entities, tokens);
    }

    /// <summary>Appends the entities of a BIO label sequence as character spans over <paramref name="tokens"/>.</summary>
    internal static void AddEntities(ReadOnlySpan<int> labels, IReadOnlyList<Token> tokens, int firstToken, List<EntitySpan> destination)
    {
        var bio = LabelSet.Standard;
        int i = 0;
        while (i < labels.Length)
        {
            if (labels[i] == LabelSet.Outside) { i++; continue; }
            int type = bio.TypeIndexOf(labels[i]);
            int end = bio.EntityEnd(labels, i);
            destination.Add(new EntitySpan(tokens[firstToken + i].Start, tokens[firstToken + end - 1].End, LabelSet.Standard.Types[type]));
            i = end;
        }
    }

    /// <summary>A token kind for a gold token, by its characters (the model's features do not depend on it).</summary>
    public static TokenKind KindOf(string word)
    {
        bool letter = false, digit = false;
        foreach (char c in word)
        {
            if (char.IsLetter(c)) letter = true;
            else if (char.IsDigit(c)) digit = true;
        }
        if (letter) return TokenKind.Word;
        if (digit) return TokenKind.Number;
        return word.Length > 0 && char.IsPunctuation(word[0]) ? TokenKind.Punctuation : TokenKind.Symbol;
    }
}
