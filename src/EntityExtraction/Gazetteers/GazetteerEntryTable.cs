namespace EntityExtraction.Gazetteers;

/// <summary>
/// A gazetteer's entries as matching needs them — the type and canonical name of entry i — either over
/// <see cref="GazetteerEntry"/> objects (a gazetteer built from entries), or over the string and entry tables of a
/// gazetteer image, where an entry's objects are made only when asked for: a match makes its canonical name once
/// (then cached), and <see cref="All"/> makes every entry on first use, for the public <c>Entries</c>.
/// </summary>
internal sealed unsafe class GazetteerEntryTable
{
    private readonly GazetteerEntry[]? _built;
    private readonly Image? _image;
    private string?[]? _canonicalNames;
    private GazetteerEntry[]? _all;

    public GazetteerEntryTable(GazetteerEntry[] entries)
    {
        _built = entries;
        _all = entries;
        Count = entries.Length;
    }

    /// <param name="image">The image's tables.</param>
    /// <param name="entries">The entries already made from them (a verified image), or null to make them on demand.</param>
    public GazetteerEntryTable(Image image, GazetteerEntry[]? entries = null)
    {
        _image = image;
        _all = entries;
        Count = image.Count;
    }

    public int Count { get; }

    public EntityType TypeOf(int entry) => _built is not null ? _built[entry].Type : (EntityType)_image!.Types[entry];

    public string CanonicalNameOf(int entry)
    {
        if (_built is not null)
            return _built[entry].CanonicalName;
        // Made on the first match rather than at load (it is 300 KB for the default gazetteer). Benign races: two
        // threads may both make the cache or a string; either copy holds the same text.
        var cache = LazyInitializer.EnsureInitialized(ref _canonicalNames, () => new string?[Count]);
        return cache[entry] ??= _image!.String(_image.CanonicalNames[entry]);
    }

    /// <summary>Every entry as an object, made once.</summary>
    public GazetteerEntry[] All => _all ??= _image!.Materialise();

    /// <summary>
    /// The entry and string tables of a gazetteer image: per entry its type, match mode, name, canonical name and
    /// the range of its aliases in <see cref="AliasRefs"/>; strings as UTF-16 ranges of one character block.
    /// </summary>
    internal sealed class Image(int count, byte* types, byte* modes, int* names, int* canonicalNames, int* aliasStarts, int* aliasRefs, int aliasRefCount,
        int stringCount, int* stringStarts, char* stringChars, int stringCharCount)
    {
        public int Count => count;

        public ReadOnlySpan<byte> Types => new(types, count);

        public ReadOnlySpan<byte> Modes => new(modes, count);

        public ReadOnlySpan<int> Names => new(names, count);

        public ReadOnlySpan<int> CanonicalNames => new(canonicalNames, count);

        public ReadOnlySpan<int> AliasStarts => new(aliasStarts, count + 1);

        public ReadOnlySpan<int> AliasRefs => new(aliasRefs, aliasRefCount);

        public int StringCount => stringCount;

        public ReadOnlySpan<int> StringStarts => new(stringStarts, stringCount + 1);

        public ReadOnlySpan<char> StringChars => new(stringChars, stringCharCount);

        public string String(int index) => new(stringChars + stringStarts[index], 0, stringStarts[index + 1] - stringStarts[index]);

        /// <summary>Every entry as an object.</summary>
        /// <exception cref="InvalidDataException">An entry's strings are not a valid entry (an empty name, no letter or digit…).</exception>
        public GazetteerEntry[] Materialise()
        {
            var entries = new GazetteerEntry[count];
            for (int e = 0; e < count; e++)
            {
                var aliases = new string[aliasStarts[e + 1] - aliasStarts[e]];
                for (int a = 0; a < aliases.Length; a++)
                    aliases[a] = String(aliasRefs[aliasStarts[e] + a]);
                try
                {
                    entries[e] = new GazetteerEntry(String(names[e]), (EntityType)types[e], String(canonicalNames[e]), aliases, (GazetteerMatchMode)modes[e]);
                }
                catch (ArgumentException invalid)
                {
                    // Found by fuzzing the image: strings that pass the table checks can still make no valid name.
                    throw new InvalidDataException($"entry {e} is invalid: {Storage.ArgumentProblems.Describe(invalid).TrimEnd('.')}", invalid);
                }
            }
            return entries;
        }
    }
}
