using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Not: logical negation of a bool tensor.</summary>
public sealed class Not : Kernel
{
    public static Kernel Create(KernelInfo info) => new Not();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Type != DataType.Bool) throw context.Error($"input must be bool, not {DataTypeInfo.Name(x.Type)}");
        y.Allocate(DataType.Bool, x.Shape);
        var s = x.ReadOnlySpan<byte>();
        var d = y.Span<byte>();
        for (int i = 0; i < d.Length; i++) d[i] = s[i] == 0 ? (byte)1 : (byte)0;
    }
}
