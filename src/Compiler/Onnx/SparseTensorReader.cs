using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Onnx;

/// <summary>Turns an ONNX SparseTensorProto into a dense constant (EdgeML stores weights dense).</summary>
internal static class SparseTensorReader
{
    public static ConstantTensor ToDense(SparseTensorProto s, string? baseDirectory)
    {
        var values = TensorProtoReader.Read(s.Values, baseDirectory);
        var indices = TensorProtoReader.Read(s.Indices, baseDirectory);
        var dims = s.Dims.ToArray();
        long count = 1;
        foreach (var d in dims) count = checked(count * d);
        if (values.Type == DataType.String || DataTypeInfo.BitsPerElement(values.Type) < 8)
            throw new EdgeMLException($"sparse tensor of {DataTypeInfo.Name(values.Type)} is not supported");
        int elem = DataTypeInfo.BitsPerElement(values.Type) / 8;
        var dense = new byte[count * elem];
        var idx = indices.Span<long>();
        long nnz = values.ElementCount;
        var src = values.Bytes;
        for (long k = 0; k < nnz; k++)
        {
            long flat;
            if (indices.Shape.Length == 1) flat = idx[(int)k];
            else
            {
                flat = 0;
                for (int d = 0; d < dims.Length; d++) flat = flat * dims[d] + idx[(int)(k * dims.Length + d)];
            }
            if (flat < 0 || flat >= count) throw new EdgeMLException($"sparse tensor index {flat} is out of range");
            src.Slice((int)(k * elem), elem).CopyTo(dense.AsSpan((int)(flat * elem), elem));
        }
        return new ConstantTensor(values.Type, dims, dense);
    }
}
