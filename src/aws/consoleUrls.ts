/**
 * Where a console sign-in goes in each partition: AWS Sign-In's federation endpoint and the console's host, as the
 * AWS documentation and aws-vault name them (China and GovCloud have hosts of their own).
 */
export interface ConsoleHosts {
  readonly federation: string;
  readonly console: string;
}

export function consoleHosts(region: string | undefined): ConsoleHosts {
  if (region?.startsWith('cn-')) return { federation: 'https://signin.amazonaws.cn/federation', console: 'console.amazonaws.cn' };
  if (region?.startsWith('us-gov-')) return { federation: 'https://signin.amazonaws-us-gov.com/federation', console: 'console.amazonaws-us-gov.com' };
  return { federation: 'https://signin.aws.amazon.com/federation', console: 'console.aws.amazon.com' };
}

/** The console page to land on: a service's home in a region, the console's home in a region, or the console's own choice. */
export function consoleDestination(hosts: ConsoleHosts, region: string | undefined, service: string | undefined): string {
  if (!region) return `https://${hosts.console}/${service ? `${service}/home` : ''}`;
  return `https://${region}.${hosts.console}/${service ?? 'console'}/home?region=${region}`;
}
