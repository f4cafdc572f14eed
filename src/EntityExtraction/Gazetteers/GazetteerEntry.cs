namespace EntityExtraction.Gazetteers;

/// <summary>
/// One name known to a <see cref="Gazetteer"/>: the name, its entity type, the canonical form reported
/// on a match, the aliases and acronyms that also match, and how strictly the text must agree. Immutable.
/// </summary>
/// <remarks>
/// The name and every alias are matched; a match reports <see cref="CanonicalName"/>, which is a display form
/// and is not itself matched unless it is also the name or an alias.
/// Whatever <see cref="MatchMode"/> says, a surface of at most two characters or an all-capitals acronym of at
/// most five letters ("NASA", "CNRS") is matched with its exact case, and a single-character surface never matches.
/// </remarks>
public sealed class GazetteerEntry
{
    /// <summary>The longest name or alias an entry may have, in UTF-16 code units. Real names are far shorter; the
    /// bound keeps matching linear in the text (a surface is compared token by token at every place it may start).</summary>
    public const int MaxSurfaceLength = 256;

    private readonly System.Collections.ObjectModel.ReadOnlyCollection<string> _aliases;

    /// <summary>Creates an entry.</summary>
    /// <param name="name">The name as usually written, e.g. "Linux Foundation".</param>
    /// <param name="type">The entity type.</param>
    /// <param name="canonicalName">The form reported on a match; null or empty means <paramref name="name"/>.</param>
    /// <param name="aliases">Other surfaces that match the entry (acronyms, translations); null means none.</param>
    /// <param name="matchMode">How the text must agree with the surfaces.</param>
    /// <exception cref="ArgumentException">A name, canonical name or alias is empty or blank, a name or alias has no letter
    /// or digit ("...", an invisible character) or is longer than <see cref="MaxSurfaceLength"/>, or <paramref name="type"/>
    /// or <paramref name="matchMode"/> is not a defined value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null or an alias is null.</exception>
    public GazetteerEntry(
        string name,
        EntityType type,
        string? canonicalName = null,
        IEnumerable<string>? aliases = null,
        GazetteerMatchMode matchMode = GazetteerMatchMode.IgnoreCase)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A gazetteer name cannot be empty or blank.", nameof(name));
        ValidateSurface(name, "name", nameof(name));
        if (!Enum.IsDefined(type))
            throw new ArgumentException($"Undefined entity type {(int)type}.", nameof(type));
        if (!Enum.IsDefined(matchMode))
            throw new ArgumentException($"Undefined match mode {(int)matchMode}.", nameof(matchMode));
        if (canonicalName is not null && canonicalName.Length > 0 && string.IsNullOrWhiteSpace(canonicalName))
            throw new ArgumentException("A canonical name cannot be blank.", nameof(canonicalName));

        var aliasList = new List<string>();
        if (aliases is not null)
        {
            foreach (string alias in aliases)
            {
                if (alias is null)
                    throw new ArgumentNullException(nameof(aliases), $"An alias of '{name}' is null.");
                if (string.IsNullOrWhiteSpace(alias))
                    throw new ArgumentException($"An alias of '{name}' is empty or blank.", nameof(aliases));
                ValidateSurface(alias, $"alias of '{name}'", nameof(aliases));
                aliasList.Add(alias);
            }
        }

        Name = name;
        Type = type;
        CanonicalName = string.IsNullOrEmpty(canonicalName) ? name : canonicalName;
        _aliases = aliasList.AsReadOnly();
        MatchMode = matchMode;
    }

    // A surface without any letter or digit never names anything and would match punctuation; a huge one is a
    // mistake (a whole file read as one line) that would make matching slow.
    private static void ValidateSurface(string surface, string what, string parameter)
    {
        if (surface.Length > MaxSurfaceLength)
            throw new ArgumentException($"The {what} is {surface.Length:N0} characters long; the limit is {MaxSurfaceLength}.", parameter);
        foreach (char c in surface)
        {
            if (char.IsLetterOrDigit(c)) return;
        }
        throw new ArgumentException($"The {what} '{Visible(surface)}' has no letter or digit.", parameter);
    }

    // Invisible characters written as code points, so that the message shows what the surface holds.
    private static string Visible(string surface)
    {
        var builder = new System.Text.StringBuilder(surface.Length);
        foreach (char c in surface)
        {
            if (c == ' ' || !(char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format))
                builder.Append(c);
            else
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return builder.ToString();
    }

    /// <summary>The name as usually written.</summary>
    public string Name { get; }

    /// <summary>The entity type reported on a match.</summary>
    public EntityType Type { get; }

    /// <summary>The canonical form reported on a match (equal to <see cref="Name"/> unless given).</summary>
    public string CanonicalName { get; }

    /// <summary>Other surfaces that also match the entry (acronyms, translations, usual short forms).</summary>
    /// <remarks>The canonical name is not matched unless it is repeated here.</remarks>
    public IReadOnlyList<string> Aliases => _aliases;

    /// <summary>How the text must agree with the entry's surfaces.</summary>
    public GazetteerMatchMode MatchMode { get; }

    /// <summary>The distinct surfaces matched for the entry: the name, then the aliases.</summary>
    internal IEnumerable<string> Surfaces()
    {
        yield return Name;
        foreach (string alias in _aliases)
        {
            if (!string.Equals(alias, Name, StringComparison.Ordinal))
                yield return alias;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type})";
}
