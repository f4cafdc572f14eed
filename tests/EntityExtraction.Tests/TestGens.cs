using CsCheck;

namespace EntityExtraction.Tests;

/// <summary>Generators written once for both CsCheck versions the tests build with (5 on .NET 10, 4.9 on .NET 8).</summary>
internal static class TestGens
{
    /// <summary>One of <paramref name="items"/>, uniformly.</summary>
    public static Gen<T> Element<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);
}
