namespace EntityExtraction.Tokenization;

/// <summary>
/// Assigns sentence indices as tokens stream by. A boundary is only decided when the next token is seen:
/// closers stay with the ending sentence, and <c>, ; :</c> right after the terminator means it was not an
/// ending. So does a lowercase word after <c>! ? …</c> or <c>...</c> (<c>« Quoi ? » dit-il</c>, <c>Sony...) et</c>),
/// but not after a lone period: on the Sequoia dev set a lowercase word after a period starts a new sentence
/// more often than it follows an unlisted abbreviation. A blank line always ends the sentence; a single line
/// break ends it when the next line starts with a capital and the line before does not end open (see
/// <see cref="LineBreak"/>): headlines, captions and list items are rarely punctuated.
/// </summary>
internal struct SentenceTracker
{
    private enum Pending : byte { None, Terminator, FullStop, Etc, Paragraph, LineBreak }

    private int index;
    private bool hasTokens;
    private Pending pending;

    /// <summary>Records a blank line (two or more line breaks) before the next token.</summary>
    public void BlankLine()
    {
        if (hasTokens) pending = Pending.Paragraph;
    }

    /// <summary>
    /// Records a single line break before the next token, after a line that does not end open (the scanner
    /// decides that: a comma, a hyphen or a lower-case short word such as "de" or "les" leaves the line open).
    /// </summary>
    public void LineBreak()
    {
        if (hasTokens && pending == Pending.None) pending = Pending.LineBreak;
    }

    /// <summary>Returns the sentence index of the token starting at <paramref name="start"/>.</summary>
    /// <remarks><c>glued</c>: True when no whitespace separates the token from the previous one.</remarks>
    public int Place(string text, int start, TokenRole role, bool glued)
    {
        switch (pending)
        {
            case Pending.Paragraph:
                NewSentence();
                break;
            case Pending.Terminator or Pending.FullStop:
                if (role is TokenRole.Terminator or TokenRole.FullStop or TokenRole.Closer || role == TokenRole.QuoteCloser && glued)
                    break; // still the ending sentence; keep waiting
                if (role == TokenRole.Continuation || pending == Pending.Terminator && char.IsLower(text[start])) pending = Pending.None;
                else NewSentence();
                break;
            case Pending.LineBreak:
                if (char.IsUpper(text[start])) NewSentence();
                else pending = Pending.None;
                break;
            case Pending.Etc:
                if (role is TokenRole.Closer || role == TokenRole.QuoteCloser && glued) break;
                if (char.IsUpper(text[start])) NewSentence();
                else pending = Pending.None;
                break;
        }
        hasTokens = true;
        if (role == TokenRole.Terminator) pending = Pending.Terminator;
        else if (role == TokenRole.FullStop) pending = pending == Pending.Terminator ? Pending.Terminator : Pending.FullStop;
        else if (role == TokenRole.AmbiguousAbbreviation) pending = Pending.Etc;
        return index;
    }

    private void NewSentence()
    {
        index++;
        pending = Pending.None;
    }
}
