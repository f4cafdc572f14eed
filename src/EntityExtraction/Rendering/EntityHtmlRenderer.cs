using System.Globalization;

namespace EntityExtraction.Rendering;

/// <summary>
/// Shows entities as HTML, the way spaCy's displaCy does: the text with each entity highlighted by type and labelled
/// (PER, ORG, LOC, visible without hovering), a legend, a tooltip giving the entity's source, confidence and canonical
/// name, and a table of the entities. Pages are self-contained HTML5 (inline CSS, no script, font or request: they
/// work offline); fragments are one <c>&lt;div class="ee-entities"&gt;</c> to embed in a page of your own, styled by
/// <see cref="StyleSheet"/>. Every text from the input is escaped; the output is the same for the same input.
/// Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var extractor = FrenchEntityExtractor.CreateDefault();
/// string text = "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland.";
/// File.WriteAllText("entities.html", EntityHtmlRenderer.Default.RenderPage(text, extractor.Extract(text)));
/// </code>
/// </example>
public sealed class EntityHtmlRenderer
{
    private const string NewLine = "\n";

    /// <summary>A renderer with the default options (title "Entities", the table included, French texts).</summary>
    public static EntityHtmlRenderer Default { get; } = new(new EntityHtmlOptions());

    /// <summary>Creates a renderer with the given options.</summary>
    /// <param name="options">The title, whether to include the table, the texts' language.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its title is null.</exception>
    /// <exception cref="ArgumentException">The language is not a language tag such as <c>fr</c> or <c>fr-CA</c>.</exception>
    public EntityHtmlRenderer(EntityHtmlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Title, nameof(options));
        if (!IsLanguageTag(options.Language))
            throw new ArgumentException($"Language '{options.Language}' is not a language tag such as fr or fr-CA.", nameof(options));
        Options = options;
    }

    /// <summary>The options this renderer writes with.</summary>
    public EntityHtmlOptions Options { get; }

    /// <summary>
    /// The CSS of the fragments that <see cref="RenderFragment(string, IReadOnlyList{Entity})"/> writes, for a page of
    /// your own (in its <c>&lt;style&gt;</c> or a stylesheet file). Every selector is below <c>.ee-entities</c>, so it
    /// styles nothing else. Pages include it.
    /// </summary>
    public static string StyleSheet => EntityHtmlStyles.Fragment;

    /// <summary>One self-contained HTML5 page showing a text's entities.</summary>
    /// <param name="text">The text the entities were found in.</param>
    /// <param name="entities">Its entities, in text order and not overlapping, as <see cref="FrenchEntityExtractor.Extract(string)"/> returns them.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="entities"/> is null.</exception>
    /// <exception cref="ArgumentException">An entity is null, outside the text, empty, splits a surrogate pair, does not
    /// hold the text of its span, or overlaps or precedes the entity before it; the message names it by index and span.</exception>
    public string RenderPage(string text, IReadOnlyList<Entity> entities) => Render(writer => RenderPage(writer, text, entities));

    /// <summary>Writes one self-contained HTML5 page showing a text's entities. The entities are checked before anything is written.</summary>
    /// <param name="writer">Where the page (or fragment) goes.</param>
    /// <param name="text">The text the entities were found in.</param>
    /// <param name="entities">Its entities, in text order and not overlapping.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An entity cannot be drawn on the text (see <see cref="RenderPage(string, IReadOnlyList{Entity})"/>).</exception>
    public void RenderPage(TextWriter writer, string text, IReadOnlyList<Entity> entities)
    {
        CheckArguments(writer, text, entities);
        WritePageStart(writer);
        WriteFragment(writer, text, entities);
        WritePageEnd(writer, summary: null);
    }

    /// <summary>One self-contained HTML5 page showing several documents, a section each, headed by its id.</summary>
    /// <param name="documents">The documents, in the order they are shown.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> is null.</exception>
    /// <exception cref="ArgumentException">A document is null, or one of its entities cannot be drawn on its text; the
    /// message names the document by index and id, and the entity by index and span.</exception>
    public string RenderPage(IEnumerable<EntityHtmlDocument> documents) => Render(writer => RenderPage(writer, documents));

    /// <summary>
    /// Writes one self-contained HTML5 page showing several documents. The sequence is read once, as the page is
    /// written, so a lazy sequence is never held whole; each document is checked before its section is written.
    /// </summary>
    /// <param name="writer">Where the page goes.</param>
    /// <param name="documents">The documents, in the order they are shown.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A document is null, or one of its entities cannot be drawn on its text.</exception>
    public void RenderPage(TextWriter writer, IEnumerable<EntityHtmlDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        var page = new EntityHtmlPageWriter(this, writer, nameof(documents));
        foreach (var document in documents)
            page.Write(document);
        page.Finish();
    }

    /// <summary>The legend, the highlighted text and the table of one text, in one <c>&lt;div class="ee-entities"&gt;</c>
    /// to embed in a page styled by <see cref="StyleSheet"/>.</summary>
    /// <param name="text">The text the entities were found in.</param>
    /// <param name="entities">Its entities, in text order and not overlapping.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="entities"/> is null.</exception>
    /// <exception cref="ArgumentException">An entity cannot be drawn on the text (see <see cref="RenderPage(string, IReadOnlyList{Entity})"/>).</exception>
    public string RenderFragment(string text, IReadOnlyList<Entity> entities) => Render(writer => RenderFragment(writer, text, entities));

    /// <summary>Writes the fragment of one text (see <see cref="RenderFragment(string, IReadOnlyList{Entity})"/>). The entities are checked before anything is written.</summary>
    /// <inheritdoc cref="RenderPage(TextWriter, string, IReadOnlyList{Entity})" path="/param"/>
    /// <inheritdoc cref="RenderPage(TextWriter, string, IReadOnlyList{Entity})" path="/exception"/>
    public void RenderFragment(TextWriter writer, string text, IReadOnlyList<Entity> entities)
    {
        CheckArguments(writer, text, entities);
        WriteFragment(writer, text, entities);
    }

    private static void CheckArguments(TextWriter writer, string text, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        EntitySpans.Check(text, entities, nameof(entities));
    }

    internal void WritePageStart(TextWriter writer)
    {
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Nothing on the page may run or load anything, whatever the escaping: inline styles only.
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        writer.Write("<title>");
        HtmlText.Write(writer, Options.Title);
        writer.Write("</title>\n<style>\n");
        writer.Write(EntityHtmlStyles.Page);
        writer.Write(EntityHtmlStyles.Fragment);
        writer.Write("</style>\n</head>\n<body class=\"ee-page\">\n<main>\n<h1>");
        HtmlText.Write(writer, Options.Title);
        writer.Write("</h1>\n");
    }

    internal static void WritePageEnd(TextWriter writer, string? summary)
    {
        if (summary is not null)
        {
            writer.Write("<p class=\"ee-summary\">");
            HtmlText.Write(writer, summary);
            writer.Write("</p>\n");
        }
        writer.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>Writes a fragment; the entities have been checked.</summary>
    internal void WriteFragment(TextWriter writer, string text, IReadOnlyList<Entity> entities)
    {
        writer.Write("<div class=\"ee-entities\">\n");
        WriteLegend(writer, entities);
        writer.Write("<div class=\"ee-text\" lang=\"");
        writer.Write(Options.Language);
        writer.Write("\">");
        int at = 0;
        foreach (var entity in entities)
        {
            HtmlText.Write(writer, text.AsSpan(at, entity.Start - at));
            WriteMark(writer, text, entity);
            at = entity.End;
        }
        HtmlText.Write(writer, text.AsSpan(at));
        writer.Write("</div>\n");
        if (Options.IncludeTable)
            WriteTable(writer, text, entities);
        writer.Write("</div>\n");
    }

    private static void WriteLegend(TextWriter writer, IReadOnlyList<Entity> entities)
    {
        writer.Write("<ul class=\"ee-legend\" aria-label=\"Entity types\">\n");
        foreach (var colours in EntityHtmlStyles.Types)
        {
            int count = entities.Count(e => e.Type == colours.Type);
            writer.Write($"<li><span class=\"ee-swatch ee-{colours.Class}\">{TypeName(colours.Type)}");
            WriteLabel(writer, colours.Type);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"</span> {count} {(count == 1 ? "mention" : "mentions")}</li>{NewLine}"));
        }
        writer.Write("</ul>\n");
    }

    private static void WriteLabel(TextWriter writer, EntityType type) =>
        writer.Write($"<span class=\"ee-label ee-label-{EntityHtmlStyles.For(type).Class}\">{type.ToCode()}</span>");

    private static void WriteMark(TextWriter writer, string text, Entity entity)
    {
        string code = entity.Type.ToCode();
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"<mark class=\"ee-ent ee-{EntityHtmlStyles.For(entity.Type).Class}\" data-type=\"{code}\" data-start=\"{entity.Start}\" data-end=\"{entity.End}\" data-source=\"{SourceName(entity.Source)}\" data-confidence=\"{Confidence(entity)}\""));
        if (entity.CanonicalName is not null)
        {
            writer.Write(" data-canonical=\"");
            HtmlText.WriteAttribute(writer, entity.CanonicalName);
            writer.Write('"');
        }
        writer.Write(" title=\"");
        HtmlText.WriteAttribute(writer, Tooltip(entity));
        writer.Write("\">");
        HtmlText.Write(writer, text.AsSpan(entity.Start, entity.Length));
        WriteLabel(writer, entity.Type);
        writer.Write("</mark>");
    }

    /// <summary>The tooltip: type, source, confidence and canonical name, a line each.</summary>
    internal static string Tooltip(Entity entity) =>
        $"{entity.Type.ToCode()} ({TypeName(entity.Type)})\nfound by the {SourceName(entity.Source)}\nconfidence {Confidence(entity)}" +
        (entity.CanonicalName is null ? "" : $"\ncanonical name: {entity.CanonicalName}");

    private void WriteTable(TextWriter writer, string text, IReadOnlyList<Entity> entities)
    {
        if (entities.Count == 0)
        {
            writer.Write("<p class=\"ee-none\">No entities.</p>\n");
            return;
        }
        int fromGazetteer = entities.Count(e => e.Source == EntitySource.Gazetteer);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"<table class=\"ee-table\">{NewLine}<caption>{entities.Count} {(entities.Count == 1 ? "entity" : "entities")}, {fromGazetteer} found by the gazetteer</caption>{NewLine}"));
        writer.Write("<thead><tr><th scope=\"col\" class=\"ee-num\">#</th><th scope=\"col\">Text</th><th scope=\"col\">Type</th>");
        writer.Write("<th scope=\"col\" class=\"ee-num\">Start</th><th scope=\"col\" class=\"ee-num\">End</th><th scope=\"col\">Source</th>");
        writer.Write("<th scope=\"col\" class=\"ee-num\">Confidence</th><th scope=\"col\">Canonical name</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td class=\"ee-num\">{i + 1}</td><td lang=\"{Options.Language}\">"));
            HtmlText.Write(writer, text.AsSpan(entity.Start, entity.Length));
            writer.Write("</td><td>");
            WriteLabel(writer, entity.Type);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"</td><td class=\"ee-num\">{entity.Start}</td><td class=\"ee-num\">{entity.End}</td><td>{SourceName(entity.Source)}</td><td class=\"ee-num\">{Confidence(entity)}</td><td>"));
            if (entity.CanonicalName is not null)
                HtmlText.Write(writer, entity.CanonicalName);
            writer.Write("</td></tr>\n");
        }
        writer.Write("</tbody>\n</table>\n");
    }

    internal static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organisation",
        _ => "place",
    };

    private static string SourceName(EntitySource source) => source == EntitySource.Model ? "model" : "gazetteer";

    private static string Confidence(Entity entity) => entity.Confidence.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Render(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    // BCP 47 in the shape HTML needs: letters, digits and hyphens, a primary language subtag of 2 to 8 letters first.
    private static bool IsLanguageTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 35) return false;
        var parts = tag.Split('-');
        if (parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetter)) return false;
        return parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}
