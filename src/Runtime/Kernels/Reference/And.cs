using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>And: logical a and b, with broadcasting.</summary>
public readonly struct AndOperator : ILogicalBinary
{
    public static bool Apply(bool a, bool b) => a && b;
}
