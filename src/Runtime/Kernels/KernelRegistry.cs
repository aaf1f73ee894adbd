using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Operators;

namespace EdgeML.Runtime.Kernels;

/// <summary>Looks up kernel factories by op code. The rows come from <see cref="KernelTable"/>, one
/// per operator, and <see cref="FastKernelTable"/> for the operators that have a fast kernel; the
/// lookups are flat arrays indexed by code. The CPU variant is read once per kernel, here.</summary>
public static class KernelRegistry
{
    private static readonly KernelFactory?[] ByCode = Build();
    private static readonly FastKernelFactory?[] FastByCode = BuildFast();

    public static bool IsImplemented(OpCode op) => (int)op < ByCode.Length && ByCode[(int)op] != null;

    /// <summary>Every operator that has a kernel.</summary>
    public static IEnumerable<OpCode> Implemented
    {
        get
        {
            for (int i = 0; i < ByCode.Length; i++) if (ByCode[i] != null) yield return (OpCode)i;
        }
    }

    public static Kernel Create(KernelInfo info)
    {
        var op = info.Node.Op;
        if (!IsImplemented(op)) throw info.Error("operator is not implemented by EdgeML");
        var variant = CpuFeatures.Variant;
        if (variant != CpuVariant.Reference && FastByCode[(int)op] is { } fast && fast(info, variant) is { } kernel) return kernel;
        return ByCode[(int)op]!(info);
    }

    private static KernelFactory?[] Build()
    {
        var table = new KernelFactory?[4096];
        foreach (var row in KernelTable.Rows)
        {
            if (table[(int)row.Op] != null) throw new InvalidOperationException($"kernel table lists {row.Op} twice");
            table[(int)row.Op] = row.Create;
        }
        return table;
    }

    private static FastKernelFactory?[] BuildFast()
    {
        var table = new FastKernelFactory?[4096];
        foreach (var row in FastKernelTable.Rows)
        {
            if (table[(int)row.Op] != null) throw new InvalidOperationException($"fast kernel table lists {row.Op} twice");
            table[(int)row.Op] = row.Create;
        }
        return table;
    }
}
