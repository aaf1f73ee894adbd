using EdgeML.Runtime.Format;

namespace EdgeML.Runtime.Tests.Format;

public class XxHash64Tests
{
    [Fact]
    public void Matches_System_IO_Hashing_at_every_length_to_300()
    {
        var rng = new Random(7);
        var data = new byte[300];
        rng.NextBytes(data);
        for (int n = 0; n <= data.Length; n++)
        {
            var span = data.AsSpan(0, n);
            Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64(span), XxHash64.Hash(span));
        }
    }

    [Fact]
    public void Known_value_of_empty_input()
    {
        // The published xxHash64 of no bytes with seed 0.
        Assert.Equal(0xEF46DB3751D8E999UL, XxHash64.Hash([]));
    }
}
