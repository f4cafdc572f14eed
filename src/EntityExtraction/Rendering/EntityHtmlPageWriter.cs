using System.Globalization;

namespace EntityExtraction.Rendering;

/// <summary>
/// Writes a page of several documents as they come: the page's head before the first, a section each, the end when
/// <see cref="Finish"/> is called. What <see cref="EntityHtmlRenderer.RenderPage(TextWriter, IEnumerable{EntityHtmlDocument})"/>
/// does with a sequence, for a writer that is handed documents one at a time (the command line's JSONL input).
/// </summary>
internal sealed class EntityHtmlPageWriter(EntityHtmlRenderer renderer, TextWriter writer, string parameterName)
{
    private int _documents;
    private int _entities;
    private bool _finished;

    public void Write(EntityHtmlDocument document)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        int number = _documents + 1;
        if (document is null)
            throw new ArgumentException($"documents[{number - 1}] is null.", parameterName);
        string heading = document.Id ?? string.Create(CultureInfo.InvariantCulture, $"Document {number}");
        EntitySpans.Check(document.Text, document.Entities, parameterName, string.Create(CultureInfo.InvariantCulture, $"documents[{number - 1}] ({heading})"));
        if (number == 1)
            renderer.WritePageStart(writer);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"<section class=\"ee-doc\" id=\"ee-doc-{number}\" aria-labelledby=\"ee-doc-{number}-title\">\n<h2 id=\"ee-doc-{number}-title\">"));
        HtmlText.Write(writer, heading);
        writer.Write("</h2>\n");
        renderer.WriteFragment(writer, document.Text, document.Entities);
        writer.Write("</section>\n");
        _documents = number;
        _entities += document.Entities.Count;
    }

    /// <summary>Ends the page (a page with no document says so).</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        if (_documents == 0)
            renderer.WritePageStart(writer);
        EntityHtmlRenderer.WritePageEnd(writer, string.Create(CultureInfo.InvariantCulture,
            $"{_documents} {(_documents == 1 ? "document" : "documents")}, {_entities} {(_entities == 1 ? "entity" : "entities")}."));
    }
}
