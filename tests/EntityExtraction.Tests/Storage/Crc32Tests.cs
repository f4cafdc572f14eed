using System.Text;
using EntityExtraction.Storage;

namespace EntityExtraction.Tests.Storage;

public class Crc32Tests
{
    [Fact]
    public void The_standard_check_value_is_reproduced()
    {
        // The CRC-32/ISO-HDLC catalogue check: CRC of the ASCII string "123456789".
        Crc32.Compute(Encoding.ASCII.GetBytes("123456789")).Should().Be(0xCBF43926u);
        Crc32.Compute([]).Should().Be(0u);
    }

    [Fact]
    public void Eight_bytes_at_a_time_equals_the_bitwise_definition_for_every_length_and_alignment()
    {
        var random = new Random(7);
        var buffer = new byte[300];
        random.NextBytes(buffer);
        for (int start = 0; start < 9; start++)
        {
            for (int length = 0; length <= 64; length++)
            {
                var slice = buffer.AsSpan(start, length);
                Crc32.Compute(slice).Should().Be(Bitwise(slice), "start {0}, length {1}", start, length);
            }
        }
        Crc32.Compute(buffer).Should().Be(Bitwise(buffer));
    }

    // The polynomial division one bit at a time, straight from the definition.
    private static uint Bitwise(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
