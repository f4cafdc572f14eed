using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Tests.Pseudonymization;

public class PersonNameLexiconTests
{
    [Fact]
    public void The_embedded_lexicon_holds_hunspell_frs_first_names_and_surnames()
    {
        var names = PersonNameLexicon.Default;

        // ../shared/data/README.md: "po:prn 2,832 first names, po:patr 1,301 surnames".
        names.FirstNameCount.Should().Be(2832);
        names.SurnameCount.Should().Be(1301);
        names.GenderOf("Martine").Should().Be(PersonNameKind.FeminineFirstName);
        names.GenderOf("jean-marc").Should().Be(PersonNameKind.MasculineFirstName, "a compound tells its first part's gender, in any case");
        names.IsFirstName("Jean-Marc").Should().BeTrue();
        names.IsFirstName("Dupont").Should().BeFalse();
    }

    [Theory]
    [InlineData("Vowel")]
    [InlineData("H")]
    [InlineData("Consonant")]
    public void Surrogate_pools_begin_with_the_sound_asked_for(string soundName)
    {
        var sound = Enum.Parse<InitialSound>(soundName);
        var names = PersonNameLexicon.Default;

        var feminine = names.SurrogateFirstNames(PersonNameKind.FeminineFirstName, sound);
        feminine.Should().NotBeEmpty().And.OnlyContain(n => PersonNameLexicon.InitialSoundOf(n) == sound && names.GenderOf(n) == PersonNameKind.FeminineFirstName);
        names.SurrogateSurnames(sound).Should().NotBeEmpty().And.OnlyContain(n => PersonNameLexicon.InitialSoundOf(n) == sound && !names.IsFirstName(n));
    }

    [Fact]
    public void A_resource_written_then_read_gives_the_same_names_and_a_corrupt_one_is_refused()
    {
        var buffer = new MemoryStream();
        PersonNameLexicon.Write(buffer, [("Anne", PersonNameKind.FeminineFirstName), ("Paul", PersonNameKind.MasculineFirstName), ("Martin", PersonNameKind.Surname)]);
        byte[] bytes = buffer.ToArray();

        var read = PersonNameLexicon.Read(new MemoryStream(bytes), "names");
        read.GenderOf("Anne").Should().Be(PersonNameKind.FeminineFirstName);
        read.IsSurname("martin").Should().BeTrue();

        bytes[^3] ^= 0x55;
        var corrupt = () => PersonNameLexicon.Read(new MemoryStream(bytes), "names.bin");
        corrupt.Should().Throw<InvalidDataException>().WithMessage("*names.bin*");
    }
}
