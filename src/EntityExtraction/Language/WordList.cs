namespace EntityExtraction.Language;

/// <summary>
/// A short, fixed list of words looked up without allocating, ignoring case. The French lists are a few dozen words
/// at most and are consulted on a few tokens per sentence, so a scan over them is as fast as a hash set and
/// needs no span-keyed lookup (which .NET 8 lacks).
/// </summary>
internal sealed class WordList
{
    private readonly string[] _words;

    public WordList(params string[] words) => _words = words;

    public IReadOnlyList<string> Words => _words;

    public bool Contains(ReadOnlySpan<char> word)
    {
        foreach (string w in _words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
