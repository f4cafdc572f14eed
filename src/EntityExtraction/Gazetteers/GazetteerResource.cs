using System.Runtime.InteropServices;
using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Gazetteers;

/// <summary>
/// The compiled gazetteer as an image (container kind <see cref="ResourceKind.Gazetteer"/>, content version
/// <see cref="FormatVersion"/>, uncompressed): the entries (types, match modes, names, canonical names, aliases over
/// one string table), the prepared surfaces and the three frozen tries, exactly as <see cref="Gazetteer"/> matches
/// with them. Reading is taking their place in memory: the embedded default gazetteer is ready without tokenizing,
/// folding or inserting its 44,000 surfaces (which took 130–180 ms and 30 MB on each start). Little-endian, sections
/// aligned to 8 bytes from the payload start.
/// </summary>
internal static unsafe class GazetteerResource
{
    /// <summary>The payload layout written and read; version 2 (entries only, Brotli) was built into tries at every load.</summary>
    public const int FormatVersion = 3;

    public static void Write(Stream destination, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var entries = gazetteer.EntryTable.All;
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Intern(string value)
        {
            if (!index.TryGetValue(value, out int i))
            {
                i = strings.Count;
                strings.Add(value);
                index.Add(value, i);
            }
            return i;
        }
        var names = entries.Select(e => Intern(e.Name)).ToArray();
        var canonicals = entries.Select(e => Intern(e.CanonicalName)).ToArray();
        var aliasStarts = new int[entries.Length + 1];
        var aliasRefs = new List<int>();
        for (int e = 0; e < entries.Length; e++)
        {
            foreach (string alias in entries[e].Aliases) aliasRefs.Add(Intern(alias));
            aliasStarts[e + 1] = aliasRefs.Count;
        }
        var stringStarts = new int[strings.Count + 1];
        for (int i = 0; i < strings.Count; i++) stringStarts[i + 1] = stringStarts[i] + strings[i].Length;
        var tries = gazetteer.Tries;

        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(entries.Length);
            w.Write(strings.Count);
            w.Write(stringStarts[^1]);
            w.Write(aliasRefs.Count);
            w.Write(gazetteer.Surfaces.Length);
            w.Write(sizeof(GazetteerSurface));
            w.Write(gazetteer.MaxTokens);
            foreach (var trie in tries)
            {
                w.Write(trie.Capacity);
                w.Write(trie.NodeCount);
                w.Write(trie.LabelChars.Length);
            }
            ImageSections.Write(w, stringStarts.AsSpan());
            ImageSections.Write(w, string.Concat(strings).AsSpan());
            ImageSections.Write(w, entries.Select(e => (byte)e.Type).ToArray().AsSpan());
            ImageSections.Write(w, entries.Select(e => (byte)e.MatchMode).ToArray().AsSpan());
            ImageSections.Write(w, names.AsSpan());
            ImageSections.Write(w, canonicals.AsSpan());
            ImageSections.Write(w, aliasStarts.AsSpan());
            ImageSections.Write(w, CollectionsMarshal.AsSpan(aliasRefs));
            ImageSections.Write(w, gazetteer.Surfaces);
            foreach (var trie in tries)
            {
                ImageSections.Write(w, trie.Parents);
                ImageSections.Write(w, trie.Hashes);
                ImageSections.Write(w, trie.Children);
                ImageSections.Write(w, trie.Terminals);
                ImageSections.Write(w, trie.LabelStarts);
                ImageSections.Write(w, trie.LabelChars);
            }
        }
        ResourceContainer.Write(destination, ResourceKind.Gazetteer, FormatVersion, 0, null, payload.GetBuffer().AsSpan(0, (int)payload.Length), ResourceCompression.None);
    }

    /// <summary>
    /// Reads a gazetteer image in place at <paramref name="resource"/>, valid while <paramref name="owner"/> is
    /// referenced. With <paramref name="verify"/>, the checksum and every table are checked (indices in range, an
    /// empty slot in every edge table), so that a damaged image fails here and matching never reads outside it;
    /// without, the header and the section sizes only — for the assembly's own embedded image, which a test verifies.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a gazetteer image of this version, truncated or corrupt.</exception>
    public static Gazetteer Read(byte* resource, long length, object owner, IReadOnlySet<string> commonWords, string sourceName, bool verify)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Gazetteer images are little-endian; this platform is not.");
        var view = ResourceContainer.ReadInPlace(new ReadOnlySpan<byte>(resource, (int)Math.Min(length, int.MaxValue)), ResourceKind.Gazetteer, ResourceLimits.Gazetteer, sourceName, verify);
        if (view.ContentVersion != FormatVersion)
            throw ResourceContainer.Invalid(sourceName, $"compiled gazetteer format version {view.ContentVersion}; this library ({ResourceContainer.LibraryVersion}) reads version {FormatVersion}; compile it again with this version");
        try
        {
            return ReadPayload(resource + view.PayloadOffset, view.PayloadLength, owner, commonWords, sourceName, verify);
        }
        catch (EndOfStreamException e)
        {
            throw ResourceContainer.Invalid(sourceName, "the gazetteer image is incomplete: its header ends early", e);
        }
    }

    /// <summary>A gazetteer image held in <paramref name="file"/>, copied into pinned memory and verified.</summary>
    public static Gazetteer ReadVerified(ReadOnlySpan<byte> file, IReadOnlySet<string> commonWords, string sourceName)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(file.Length, pinned: true);
        file.CopyTo(pinned);
        fixed (byte* start = pinned)
            return Read(start, pinned.Length, pinned, commonWords, sourceName, verify: true);
    }

    private static Gazetteer ReadPayload(byte* payload, int length, object owner, IReadOnlySet<string> commonWords, string sourceName, bool verify)
    {
        using var stream = new UnmanagedMemoryStream(payload, length);
        using var r = new BinaryReader(stream);
        int entryCount = Count(r.ReadInt32(), "entry", sourceName);
        int stringCount = Count(r.ReadInt32(), "string", sourceName);
        int stringChars = Count(r.ReadInt32(), "character", sourceName);
        int aliasRefCount = Count(r.ReadInt32(), "alias", sourceName);
        int surfaceCount = Count(r.ReadInt32(), "surface", sourceName);
        int surfaceSize = r.ReadInt32();
        if (surfaceSize != sizeof(GazetteerSurface))
            throw Corrupt(sourceName, $"its surfaces take {surfaceSize} bytes each; this library lays them out in {sizeof(GazetteerSurface)}");
        int maxTokens = Count(r.ReadInt32(), "token", sourceName);
        var trieSizes = new (int Capacity, int Nodes, int LabelChars)[3];
        for (int m = 0; m < trieSizes.Length; m++)
        {
            trieSizes[m] = (r.ReadInt32(), Count(r.ReadInt32(), "node", sourceName), Count(r.ReadInt32(), "label character", sourceName));
            if (trieSizes[m].Capacity < 16 || (trieSizes[m].Capacity & (trieSizes[m].Capacity - 1)) != 0 || trieSizes[m].Nodes < 1 || trieSizes[m].Nodes > trieSizes[m].Capacity)
                throw Corrupt(sourceName, $"trie {m} has {trieSizes[m].Nodes:N0} nodes in {trieSizes[m].Capacity:N0} edge slots");
        }

        long at = stream.Position;
        long stringStarts = ImageSections.Next(ref at, stringCount + 1L, sizeof(int));
        long stringCharsAt = ImageSections.Next(ref at, stringChars, sizeof(char));
        long types = ImageSections.Next(ref at, entryCount, 1);
        long modes = ImageSections.Next(ref at, entryCount, 1);
        long names = ImageSections.Next(ref at, entryCount, sizeof(int));
        long canonicals = ImageSections.Next(ref at, entryCount, sizeof(int));
        long aliasStarts = ImageSections.Next(ref at, entryCount + 1L, sizeof(int));
        long aliasRefs = ImageSections.Next(ref at, aliasRefCount, sizeof(int));
        long surfaces = ImageSections.Next(ref at, surfaceCount, surfaceSize);
        var trieAt = new (long Parents, long Hashes, long Children, long Terminals, long LabelStarts, long LabelChars)[3];
        for (int m = 0; m < trieAt.Length; m++)
        {
            var (capacity, nodes, labelChars) = trieSizes[m];
            trieAt[m] = (ImageSections.Next(ref at, capacity, sizeof(int)), ImageSections.Next(ref at, capacity, sizeof(ulong)), ImageSections.Next(ref at, capacity, sizeof(int)),
                ImageSections.Next(ref at, nodes, sizeof(int)), ImageSections.Next(ref at, nodes + 1L, sizeof(int)), ImageSections.Next(ref at, labelChars, sizeof(char)));
        }
        if (at != length)
            throw Corrupt(sourceName, $"its tables take {at:N0} bytes, but the payload holds {length:N0}");

        var image = new GazetteerEntryTable.Image(entryCount, payload + types, payload + modes, (int*)(payload + names), (int*)(payload + canonicals),
            (int*)(payload + aliasStarts), (int*)(payload + aliasRefs), aliasRefCount, stringCount, (int*)(payload + stringStarts), (char*)(payload + stringCharsAt), stringChars);
        var tries = new TokenTrie[3];
        for (int m = 0; m < tries.Length; m++)
        {
            var p = trieAt[m];
            tries[m] = new TokenTrie((GazetteerMatchMode)m, trieSizes[m].Capacity, trieSizes[m].Nodes, (int*)(payload + p.Parents), (ulong*)(payload + p.Hashes),
                (int*)(payload + p.Children), (int*)(payload + p.Terminals), (int*)(payload + p.LabelStarts), (char*)(payload + p.LabelChars), trieSizes[m].LabelChars, owner);
        }
        var surfaceTable = (GazetteerSurface*)(payload + surfaces);
        GazetteerEntry[]? entries = null;
        if (verify)
        {
            VerifyEntries(image, sourceName);
            VerifySurfaces(new ReadOnlySpan<GazetteerSurface>(surfaceTable, surfaceCount), entryCount, maxTokens, sourceName);
            foreach (var trie in tries) VerifyTrie(trie, surfaceCount, sourceName);
            try
            {
                entries = image.Materialise();
            }
            catch (InvalidDataException invalid)
            {
                throw Corrupt(sourceName, invalid.Message);
            }
        }
        return new Gazetteer(new GazetteerEntryTable(image, entries), commonWords, surfaceTable, surfaceCount, tries, maxTokens, owner);
    }

    private static int Count(int value, string what, string sourceName) =>
        value >= 0 ? value : throw Corrupt(sourceName, $"a negative {what} count ({value})");

    private static void VerifyEntries(GazetteerEntryTable.Image image, string sourceName)
    {
        VerifyStarts(image.StringStarts, image.StringChars.Length, "string", sourceName);
        VerifyStarts(image.AliasStarts, image.AliasRefs.Length, "alias", sourceName);
        for (int e = 0; e < image.Count; e++)
        {
            if (!Enum.IsDefined((EntityType)image.Types[e]) || !Enum.IsDefined((GazetteerMatchMode)image.Modes[e]))
                throw Corrupt(sourceName, $"entry {e} has an undefined type or match mode");
            if ((uint)image.Names[e] >= (uint)image.StringCount || (uint)image.CanonicalNames[e] >= (uint)image.StringCount)
                throw Corrupt(sourceName, $"entry {e} names a string outside the table");
        }
        foreach (int alias in image.AliasRefs)
        {
            if ((uint)alias >= (uint)image.StringCount)
                throw Corrupt(sourceName, "an alias names a string outside the table");
        }
    }

    private static void VerifySurfaces(ReadOnlySpan<GazetteerSurface> surfaces, int entryCount, int maxTokens, string sourceName)
    {
        for (int s = 0; s < surfaces.Length; s++)
        {
            var surface = surfaces[s];
            if ((uint)surface.Entry >= (uint)entryCount || surface.TokenCount < 1 || surface.TokenCount > maxTokens || !Enum.IsDefined(surface.Mode))
                throw Corrupt(sourceName, $"surface {s} is inconsistent (entry {surface.Entry}, {surface.TokenCount} tokens)");
        }
    }

    private static void VerifyTrie(TokenTrie trie, int surfaceCount, string sourceName)
    {
        string name = $"the {trie.Mode} trie";
        VerifyStarts(trie.LabelStarts, trie.LabelChars.Length, $"{name}'s label", sourceName);
        bool empty = false;
        var children = trie.Children;
        var parents = trie.Parents;
        for (int slot = 0; slot < children.Length; slot++)
        {
            if (children[slot] == 0)
            {
                empty = true;
                continue;
            }
            // child + 1 is stored; node 0, the root, is nobody's child.
            if (children[slot] < 2 || children[slot] > trie.NodeCount || (uint)parents[slot] >= (uint)trie.NodeCount)
                throw Corrupt(sourceName, $"{name} has an edge outside its nodes at slot {slot}");
        }
        if (!empty)
            throw Corrupt(sourceName, $"{name} has no empty edge slot");
        foreach (int terminal in trie.Terminals)
        {
            if (terminal < -1 || terminal >= surfaceCount)
                throw Corrupt(sourceName, $"{name} ends a path at surface {terminal}, outside the table");
        }
    }

    // Ascending offsets from 0 to the block's length: every range they make is inside the block.
    private static void VerifyStarts(ReadOnlySpan<int> starts, int total, string what, string sourceName)
    {
        if (starts[0] != 0 || starts[^1] != total)
            throw Corrupt(sourceName, $"its {what} offsets do not span their block");
        for (int i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1])
                throw Corrupt(sourceName, $"its {what} offsets go backwards at {i}");
        }
    }

    private static InvalidDataException Corrupt(string sourceName, string problem) =>
        ResourceContainer.Invalid(sourceName, "the gazetteer image is corrupt: " + problem);
}
