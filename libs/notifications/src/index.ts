export * from './mail-transport.service';
export * from './notifications.module';
export * from './template-dir';
export * from './template.renderer';
export * from './link-token.codec';
export * from './link-token.service';
export * from './message-id.util';
