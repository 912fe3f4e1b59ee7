using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Engine.Tests.Domain;

public sealed class AddressingTests
{
    [Theory]
    [InlineData("10.0.0.2", 0x0A000002u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("0.0.0.0", 0u)]
    public void Addresses_parse_into_their_32_bit_value(string text, uint value)
    {
        Assert.True(Ipv4Address.TryParse(text, out var address));
        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.1.5")]
    [InlineData("10..0.1")]
    [InlineData(" 10.0.0.1")]
    [InlineData("a.b.c.d")]
    [InlineData("")]
    public void Malformed_addresses_are_rejected(string text) => Assert.False(Ipv4Address.TryParse(text, out _));

    [Theory]
    [InlineData("10.0.0.300/24")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/2x")]
    public void Malformed_prefixes_are_rejected(string text) => Assert.False(Ipv4Prefix.TryParse(text, out _));

    [Fact]
    public void An_interface_prefix_keeps_its_host_address_and_knows_its_network()
    {
        var prefix = Ipv4Prefix.Parse("192.168.1.3/24");

        Assert.Equal("192.168.1.3/24", prefix.ToString());
        Assert.Equal("192.168.1.0/24", prefix.Network.ToString());
        Assert.True(prefix.IsHostAddress);
        Assert.True(prefix.Contains(Ipv4Address.Parse("192.168.1.200")));
        Assert.False(prefix.Contains(Ipv4Address.Parse("192.168.2.1")));
    }

    [Fact]
    public void The_default_prefix_contains_everything_and_overlap_is_symmetric()
    {
        Assert.True(Ipv4Prefix.Default.Contains(Ipv4Address.Parse("203.0.113.9")));
        var wide = Ipv4Prefix.Parse("10.0.0.0/8");
        var narrow = Ipv4Prefix.Parse("10.1.0.0/16");
        Assert.True(wide.Overlaps(narrow));
        Assert.True(narrow.Overlaps(wide));
        Assert.False(narrow.Overlaps(Ipv4Prefix.Parse("10.2.0.0/16")));
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.1.2", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.3", true)]
    [InlineData("203.0.113.2", false)]
    [InlineData("198.51.100.2", false)]
    public void Private_space_is_recognised(string text, bool isPrivate) =>
        Assert.Equal(isPrivate, Ipv4Address.Parse(text).IsPrivate);
}
