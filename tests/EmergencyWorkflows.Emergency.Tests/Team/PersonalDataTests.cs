using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Tests.Team;

public class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138-1234-5678", "861****5678")]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("张三", "张*")]
    [InlineData("Alice Martin", "A*")]
    [InlineData("12345", "****45")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_KnownKinds_HidesAllButTheAgreedCharacters(string? value, string expected)
    {
        PersonalData.Mask(value).Should().Be(expected);
    }

    [Fact]
    public void MaskName_SurrogatePairFirstCharacter_KeepsTheWholeCharacter()
    {
        PersonalData.MaskName("𠮷野家").Should().Be("𠮷*");
    }

    [Fact]
    public void Mask_Phone_NeverContainsTheMiddleDigits()
    {
        PersonalData.Mask("13898761234").Should().NotContain("9876");
    }
}
