using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Or: logical a or b, with broadcasting.</summary>
public readonly struct OrOperator : ILogicalBinary
{
    public static bool Apply(bool a, bool b) => a || b;
}
