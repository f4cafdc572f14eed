using System.Globalization;
using System.Text;
using EntityExtraction;

namespace EntityExtraction.Cli.Output;

/// <summary>
/// Writes a text with its entities highlighted by type, then a summary table (entity, type, source,
/// confidence, occurrences). The input's own text goes through <see cref="TerminalText"/>: only this writer's
/// colour codes reach the terminal.
/// </summary>
internal sealed class PrettyEntityWriter(TextWriter writer, bool useColour)
{
    private const string Reset = "\u001b[0m";

    /// <summary>Colour by default only on a terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public static bool ShouldUseColour() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Write(string text, IReadOnlyList<Entity> entities)
    {
        WriteLegend();
        WriteHighlighted(text, entities);
        writer.WriteLine();
        WriteSummary(entities);
    }

    public void WriteLegend()
    {
        writer.Write("Legend: ");
        foreach (var type in Enum.GetValues<EntityType>())
        {
            string label = $"{EntityTypeCodes.ToCode(type)} = {TypeName(type)}";
            if (type != default)
                writer.Write(", ");
            writer.Write(useColour ? Highlight(label, type) : label);
        }
        writer.WriteLine(useColour ? "" : "; entities are written [text]TYPE");
        writer.WriteLine();
    }

    public void WriteHighlighted(string text, IReadOnlyList<Entity> entities)
    {
        int position = 0;
        foreach (var entity in entities)
        {
            TerminalText.Write(writer, text.AsSpan(position, entity.Start - position));
            writer.Write(Highlight(TerminalText.Safe(entity.Text), entity.Type));
            position = entity.End;
        }
        TerminalText.Write(writer, text.AsSpan(position));
        if (text.Length > 0 && text[^1] != '\n')
            writer.WriteLine();
    }

    public void WriteSummary(IReadOnlyList<Entity> entities)
    {
        var rows = entities
            .GroupBy(e => (e.Text, e.Type))
            .Select(g => new
            {
                g.Key.Text,
                g.Key.Type,
                Source = string.Join('+', g.Select(e => e.Source).Distinct().Order().Select(SourceLabel)),
                Confidence = g.Max(e => e.Confidence),
                Canonical = g.Select(e => e.CanonicalName).FirstOrDefault(c => c is not null && c != g.Key.Text),
                Count = g.Count(),
            })
            .ToList();

        int entityWidth = Math.Max("Entity".Length, rows.Count == 0 ? 0 : rows.Max(r => DisplayName(r.Text, r.Canonical).Length));
        string header = $"{"Entity".PadRight(entityWidth)}  Type  Source             Conf.  Occurrences";
        writer.WriteLine(header);
        writer.WriteLine(new string('-', header.Length));
        foreach (var row in rows)
        {
            string name = DisplayName(row.Text, row.Canonical).PadRight(entityWidth);
            writer.Write(useColour ? Highlight(name, row.Type) : name);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {EntityTypeCodes.ToCode(row.Type),-4}  {row.Source,-17}  {row.Confidence,5:0.00}  {row.Count,11}"));
        }
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{entities.Count} mentions, {rows.Count} distinct: {string.Join(", ", Enum.GetValues<EntityType>().Select(t => $"{entities.Count(e => e.Type == t)} {EntityTypeCodes.ToCode(t)}"))}; " +
            $"{entities.Count(e => e.Source == EntitySource.Gazetteer)} from the gazetteer."));
    }

    private static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organisation",
        _ => "place",
    };

    public static string SourceLabel(EntitySource source) => source == EntitySource.Model ? "model" : "gazetteer";

    private static string DisplayName(string text, string? canonical) =>
        TerminalText.Safe(canonical is null ? text : $"{text} (= {canonical})");

    private string Highlight(string value, EntityType type)
    {
        if (!useColour)
            return $"[{value}]{EntityTypeCodes.ToCode(type)}";
        string colour = type switch
        {
            EntityType.Person => "\u001b[1;36m",       // bold cyan
            EntityType.Organization => "\u001b[1;33m", // bold yellow
            _ => "\u001b[1;35m",                       // bold magenta
        };
        return new StringBuilder(colour.Length + value.Length + Reset.Length).Append(colour).Append(value).Append(Reset).ToString();
    }
}
