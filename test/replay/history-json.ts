import { dirname } from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = proto.temporal.api.history.v1.IHistory;
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: object): unknown;
}

// The SDK's historyToJSON/historyFromJSON check `instanceof Type` against the protobufjs copy of
// @temporalio/common, which is not the copy @temporalio/proto built its types with when npm does
// not dedupe them (as here). Use the protojson of @temporalio/proto's own protobufjs instead; the
// files keep the proto3 JSON form of `temporal workflow show --output json`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const protojson = require(
  require.resolve('protobufjs/ext/protojson', {
    paths: [dirname(require.resolve('@temporalio/proto'))],
  }),
) as ProtoJson;
const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
const historyType = root.lookupType('temporal.api.history.v1.History');

export function historyToJSON(history: History): string {
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return JSON.stringify(protojson.toJson(historyType, message), null, 2);
}

export function historyFromJSON(json: unknown): History {
  return protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
}
