using System.Buffers.Binary;
using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Tests.Storage;

public class ResourceContainerTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Paris Lyon Marseille ", 200)));

    private static byte[] Write(ResourceCompression compression = ResourceCompression.Brotli, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream();
        ResourceContainer.Write(stream, ResourceKind.Gazetteer, 7, 3, metadata, Payload, compression);
        return stream.ToArray();
    }

    private static ResourceFile Read(byte[] bytes, ResourceLimits? limits = null) =>
        ResourceContainer.Read(new MemoryStream(bytes), ResourceKind.Gazetteer, limits ?? ResourceLimits.Gazetteer, "test.res");

    /// <summary>Sets a header field and recomputes the checksum, as a writer with other ideas would.</summary>
    private static byte[] WithHeader(byte[] bytes, Action<byte[]> change)
    {
        var copy = bytes.ToArray();
        change(copy);
        uint crc = Crc32.Append(Crc32.Initial, copy.AsSpan(0, 28));
        crc = Crc32.Append(crc, copy.AsSpan(ResourceContainer.HeaderSize));
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(28), Crc32.Finish(crc));
        return copy;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Round_trip_preserves_the_versions_metadata_and_payload(bool compressed)
    {
        var metadata = new Dictionary<string, string> { ["created"] = "2026-11-30", ["note"] = "é, « » and\nlines" };
        var file = Read(Write(compressed ? ResourceCompression.Brotli : ResourceCompression.None, metadata));

        file.Kind.Should().Be(ResourceKind.Gazetteer);
        file.ContentVersion.Should().Be(7);
        file.SchemaVersion.Should().Be(3);
        file.Metadata.Should().BeEquivalentTo(metadata);
        file.Payload.Should().Equal(Payload);
    }

    [Fact]
    public void Brotli_stores_repetitive_payloads_smaller()
    {
        Write(ResourceCompression.Brotli).Length.Should().BeLessThan(Payload.Length / 10);
    }

    [Fact]
    public void Writing_is_deterministic_whatever_the_metadata_order()
    {
        var a = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
        var b = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        Write(metadata: a).Should().Equal(Write(metadata: b));
    }

    [Fact]
    public void The_stream_is_left_just_after_the_resource()
    {
        var bytes = Write();
        var stream = new MemoryStream([.. bytes, 42]);
        ResourceContainer.Read(stream, ResourceKind.Gazetteer, ResourceLimits.Gazetteer, "x");
        stream.ReadByte().Should().Be(42);
    }

    [Fact]
    public void Another_kind_is_refused_naming_both()
    {
        var act = () => ResourceContainer.Read(new MemoryStream(Write()), ResourceKind.Model, ResourceLimits.Model, "test.res");
        act.Should().Throw<InvalidDataException>().WithMessage("test.res: it holds a compiled gazetteer, not a model.");
    }

    [Fact]
    public void A_newer_container_version_is_refused_as_newer()
    {
        var bytes = WithHeader(Write(), b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), 2));
        var act = () => Read(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("test.res: container format version 2*reads version 1*newer version*");
    }

    [Fact]
    public void A_declared_size_over_the_limit_is_refused_before_reading_the_payload()
    {
        var bytes = WithHeader(Write(), b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 4_000_000_000));
        var act = () => Read(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*payload of 4,000,000,000 bytes, over the limit*");
    }

    [Fact]
    public void A_payload_that_decompresses_to_more_than_it_declares_is_refused()
    {
        // The decompression bomb: a small stored payload that says it holds 10 bytes and holds far more.
        var bytes = WithHeader(Write(), b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 10));
        var act = () => Read(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*does not decompress to its declared 10 bytes*");
    }

    [Fact]
    public void A_payload_that_decompresses_to_less_than_it_declares_is_refused()
    {
        var bytes = WithHeader(Write(), b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), (uint)Payload.Length + 5));
        var act = () => Read(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage($"*decompresses to {Payload.Length:N0} bytes, not the declared*");
    }

    [Fact]
    public void Every_flipped_bit_is_caught()
    {
        var bytes = Write(metadata: new Dictionary<string, string> { ["k"] = "v" });
        for (int i = 8; i < bytes.Length; i++)
        {
            var copy = bytes.ToArray();
            copy[i] ^= 0x10;
            var act = () => Read(copy);
            act.Should().Throw<InvalidDataException>($"byte {i} was flipped");
        }
    }

    [Fact]
    public void Unknown_compression_is_refused()
    {
        var bytes = WithHeader(Write(), b => b[16] = 9);
        var act = () => Read(bytes);
        act.Should().Throw<InvalidDataException>().WithMessage("*unknown compression 9*");
    }

    [Fact]
    public void Anything_else_is_not_a_resource()
    {
        var act = () => Read("hello, this is not a resource"u8.ToArray());
        act.Should().Throw<InvalidDataException>().WithMessage("test.res: not a compiled gazetteer of EntityExtraction*EEXTRACT*");
    }
}
