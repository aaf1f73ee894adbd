using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Xor: logical a xor b, with broadcasting.</summary>
public readonly struct XorOperator : ILogicalBinary
{
    public static bool Apply(bool a, bool b) => a != b;
}
