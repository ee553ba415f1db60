export * from './mail-transport.service';
export * from './notifications.module';
export * from './template-dir';
export * from './template.renderer';
