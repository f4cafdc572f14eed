namespace EntityExtraction.ML.Tests;

/// <summary>The options as a saved model keeps them.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void Options_are_encoded_in_one_canonical_text_and_read_back()
    {
        var settings = TransformSettings.From(new ExtractFrenchEntitiesOptions
        {
            EntityTypes = [EntityType.Location, EntityType.Person, EntityType.Location],
            MinimumConfidence = 0.3f,
            UseGazetteer = false,
        });

        string encoded = settings.Encode();

        encoded.Should().Be("EntityExtraction.ML/1;types=PER,LOC;min=0.3;gazetteer=false");
        var decoded = TransformSettings.Decode(encoded);
        decoded.EntityTypes.Should().Equal(EntityType.Person, EntityType.Location);
        decoded.MinimumConfidence.Should().Be(0.3f);
        decoded.UseGazetteer.Should().BeFalse();
        decoded.Encode().Should().Be(encoded);
        TransformSettings.From(null).Encode().Should().Be("EntityExtraction.ML/1;types=PER,ORG,LOC;min=0;gazetteer=true");
    }

    [Theory]
    [InlineData("EntityExtraction.ML/2;types=PER;min=0;gazetteer=true", "*format 'EntityExtraction.ML/2'*does not read*")]
    [InlineData("hello", "'hello' is not an ExtractFrenchEntities setting.")]
    [InlineData("EntityExtraction.ML/1;types=PER;min=0", "*is not an ExtractFrenchEntities setting.")]
    [InlineData("EntityExtraction.ML/1;types=CITY;min=0;gazetteer=true", "*'CITY' is not an entity type.")]
    [InlineData("EntityExtraction.ML/1;types=PER;min=2;gazetteer=true", "*between 0 and 1*")]
    [InlineData("EntityExtraction.ML/1;types=PER;min=0;gazetteer=maybe", "*is not an ExtractFrenchEntities setting.")]
    public void A_setting_this_version_cannot_read_is_refused(string encoded, string message)
    {
        var decode = () => TransformSettings.Decode(encoded);

        decode.Should().Throw<InvalidDataException>().WithMessage(message);
    }
}
