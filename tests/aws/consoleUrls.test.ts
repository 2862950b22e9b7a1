import { consoleDestination, consoleHosts } from '../../src/aws/consoleUrls';

describe(consoleDestination.name, () => {
  it.each([
    { region: undefined, service: undefined, federation: 'https://signin.aws.amazon.com/federation', destination: 'https://console.aws.amazon.com/' },
    { region: undefined, service: 's3', federation: 'https://signin.aws.amazon.com/federation', destination: 'https://console.aws.amazon.com/s3/home' },
    { region: 'eu-west-1', service: undefined, federation: 'https://signin.aws.amazon.com/federation', destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1' },
    { region: 'eu-west-1', service: 'ec2', federation: 'https://signin.aws.amazon.com/federation', destination: 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1' },
    { region: 'cn-northwest-1', service: 's3', federation: 'https://signin.amazonaws.cn/federation', destination: 'https://cn-northwest-1.console.amazonaws.cn/s3/home?region=cn-northwest-1' },
    { region: 'us-gov-east-1', service: undefined, federation: 'https://signin.amazonaws-us-gov.com/federation', destination: 'https://us-gov-east-1.console.amazonaws-us-gov.com/console/home?region=us-gov-east-1' },
  ])('$region $service: $destination', ({ region, service, federation, destination }) => {
    const hosts = consoleHosts(region);
    expect(hosts.federation).toBe(federation);
    expect(consoleDestination(hosts, region, service)).toBe(destination);
  });
});
