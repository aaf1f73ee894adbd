using EdgeML.Compiler.Emit;
using EdgeML.Compiler.Onnx.Proto;
using Google.Protobuf;

namespace EdgeML.Compiler.Onnx;

/// <summary>An ONNX model made in code: a main graph (<see cref="Graph"/>) and its opset imports.</summary>
public sealed class OnnxModelBuilder
{
    private readonly ModelProto _model;

    public OnnxModelBuilder(int onnxOpset = 21, string producer = "EdgeML")
    {
        Graph = new OnnxGraphBuilder("main");
        _model = new ModelProto { IrVersion = 10, ProducerName = producer, Graph = Graph.Proto };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = onnxOpset });
    }

    public OnnxGraphBuilder Graph { get; }

    public OnnxModelBuilder Opset(string domain, int version)
    {
        var existing = _model.OpsetImport.FirstOrDefault(o => o.Domain == domain);
        if (existing != null) existing.Version = version;
        else _model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        return this;
    }

    public OnnxModelBuilder IrVersion(long version)
    {
        _model.IrVersion = version;
        return this;
    }

    public OnnxModelBuilder Metadata(string key, string value)
    {
        _model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    public byte[] ToBytes() => _model.ToByteArray();

    /// <summary>Writes the model atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, ToBytes());
}
