import { ConfigError } from '../config/config-error';
import { kafkaClientSecurity, kafkaSecurityFromEnv } from './kafka-security';

describe('kafkaSecurityFromEnv', () => {
  it('speaks plaintext when nothing is configured (the local broker)', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({});
  });

  it('logs in with SCRAM when a mechanism and credentials are given', () => {
    expect(
      kafkaSecurityFromEnv({
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME: 'samad-intake',
        KAFKA_SASL_PASSWORD: 's3cret',
      }),
    ).toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'samad-intake', password: 's3cret' } });
  });

  it('names every problem at once', () => {
    try {
      kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'kerberos', KAFKA_SSL_CA_FILE: '/nonexistent/ca.crt' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('gives kafkajs TLS with the CA it read and SASL as configured; nothing for plaintext', () => {
    expect(kafkaClientSecurity({})).toEqual({});
    expect(
      kafkaClientSecurity({
        caPem: '-----BEGIN CERTIFICATE-----',
        sasl: { mechanism: 'plain', username: 'u', password: 'p' },
      }),
    ).toEqual({
      ssl: { ca: ['-----BEGIN CERTIFICATE-----'] },
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
    });
  });
});
