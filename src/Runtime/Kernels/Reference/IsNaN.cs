using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>IsNaN: true where x is NaN (every floating-point type, float8 included).</summary>
public sealed class IsNaN : Kernel
{
    public static Kernel Create(KernelInfo info) => new IsNaN();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (!ElementConversion.IsFloatLike(x.Type)) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported (floating point only)");
        y.Allocate(DataType.Bool, x.Shape);
        var d = y.Span<bool>();
        switch (x.Type)
        {
            case DataType.Float: { var s = x.ReadOnlySpan<float>(); for (int i = 0; i < d.Length; i++) d[i] = float.IsNaN(s[i]); break; }
            case DataType.Double: { var s = x.ReadOnlySpan<double>(); for (int i = 0; i < d.Length; i++) d[i] = double.IsNaN(s[i]); break; }
            case DataType.Float16: { var s = x.ReadOnlySpan<Half>(); for (int i = 0; i < d.Length; i++) d[i] = Half.IsNaN(s[i]); break; }
            default: for (int i = 0; i < d.Length; i++) d[i] = double.IsNaN(ElementConversion.ReadSingle(x, i)); break;
        }
    }
}
