/**
 * The preset DEFLATE dictionary of link format 2 (see linkCodec.ts).
 *
 * FROZEN. A link compressed with this dictionary can only be inflated with the
 * very same bytes, so this text is part of link format 2 for ever: never edit,
 * reorder or re-indent it, not even to fix a typo. A better dictionary means a new
 * link format (`s3.`) with its own dictionary, and this one stays for reading
 * `s2.` links. linkCodec.test.ts pins its length and CRC-32.
 *
 * What it is: the field names, their usual order and common values of the
 * scenario format (version 1), the link's own wrapper (`{"scenario":…}` and
 * `{"settings":…,"patch":[…]}`) and the boilerplate of JSON Patch operations,
 * as a synthetic compact JSON text. DEFLATE can then copy these strings from the
 * dictionary instead of spelling them out the first time, which is most of what a
 * small scenario costs. The most frequent strings are at the end (shorter
 * back-references). ASCII only.
 */
export const LINK_DICTIONARY_FORMAT_2 = [
  '{"$schema":"./scenario.schema.json","formatVersion":1,"name":"Scenario","description":"An online shop run from one on-premise data centre. ',
  'The question: which tiers to move to the cloud.","pricing":{"currency":"USD","asOf":"2026-01-01","sources":["AWS EC2 On-Demand pricing, Linux","Azure virtual machines pricing","On-premise: own estimate of amortised cost"],"hoursPerMonth":730},',
  '"sites":[{"id":"dc-chicago","name":"Chicago data centre","kind":"onPremise","provider":"own","location":{"lat":41.88,"lon":-87.63,"label":"Chicago, IL"},',
  '"serverClasses":[{"serverClass":"general.large","priceUSD":260,"billing":"month","vcpus":2,"memoryGB":8},{"serverClass":"memory.4xlarge","priceUSD":320,"billing":"month","vcpus":16,"memoryGB":128}],',
  '"capacity":{"servers":24,"vcpus":96},"storagePricePerGBMonthUSD":0.06,"transferPricePerGBUSD":{"egress":0.01,"ingress":0}},',
  '{"id":"azure-eastus","name":"Azure East US","kind":"cloud","provider":"Azure","region":"eastus"},',
  '{"id":"gcp-europe-west1","name":"Google Cloud","kind":"cloud","provider":"GCP","region":"europe-west1"},',
  '{"id":"aws-eu-central-1","name":"AWS Europe (Frankfurt)","kind":"cloud","provider":"AWS","region":"eu-central-1"},',
  '{"id":"aws-eu-west-1","name":"AWS Europe (Ireland)","kind":"cloud","provider":"AWS","region":"eu-west-1"},',
  '{"id":"aws-us-east-1","name":"AWS US East (N. Virginia)","kind":"cloud","provider":"AWS","region":"us-east-1","location":{"lat":39.04,"lon":-77.49,"label":"Ashburn, VA"},',
  '"serverClasses":[{"serverClass":"general.xlarge","priceUSD":0.192,"billing":"hour","vcpus":4,"memoryGB":16},{"serverClass":"memory.xlarge","priceUSD":0.252,"billing":"hour","vcpus":4,"memoryGB":32}],',
  '"storagePricePerGBMonthUSD":0.08,"transferPricePerGBUSD":{"egress":0.09,"ingress":0,"interRegion":0.02}}],',
  '"network":{"intraSiteLatency":{"meanMs":0.5,"p95Ms":1},"links":[{"between":["dc-chicago","aws-us-east-1"],"latency":{"meanMs":22,"p95Ms":30},"bandwidthMbps":1000,"pricePerGBUSD":0.02},',
  '{"between":["dc","aws"],"latency":{"meanMs":10,"p95Ms":15},"bandwidthMbps":10000}]},',
  '"userRegions":[{"id":"staff","name":"Staff at the head office","location":{"lat":50.11,"lon":8.68,"label":"Frankfurt am Main"},"latencyToSites":{"dc":{"meanMs":2,"p95Ms":5},"aws":{"meanMs":20,"p95Ms":40}}},',
  '{"id":"customers-na","name":"Customers in North America"},{"id":"customers-eu","name":"Customers in Europe","latencyToSites":{"dc":{"meanMs":30,"p95Ms":60}}}],',
  '"applications":[{"id":"shop","name":"Web shop","description":"Storefront, application servers, cache and database.","components":[',
  '{"id":"web","name":"Web servers","role":"frontend","servers":4,"serverClass":"general.xlarge","storageGB":20,"homeSite":"dc","splittable":true,"replicationMbps":0,',
  '"allowedSites":["dc"],"colocationGroup":"data","securityZone":"dmz","throughputPerServer":100,',
  '"vm":{"memoryGB":16,"diskGB":40,"dirtyRateMBps":30,"imageGB":10,"bootSeconds":60}},',
  '{"id":"app","name":"Application servers","role":"app","servers":6,"serverClass":"general.xlarge","storageGB":40,"homeSite":"dc","splittable":true},',
  '{"id":"cache","name":"Cache (Redis)","role":"cache","servers":2,"serverClass":"memory.xlarge","storageGB":0,"homeSite":"dc","splittable":true},',
  '{"id":"queue","name":"Message queue","role":"queue","servers":2},{"id":"batch","name":"Batch jobs","role":"batch","servers":1},{"id":"search","name":"Search","role":"other","servers":3},',
  '{"id":"db","name":"Database (PostgreSQL)","role":"database","servers":2,"serverClass":"memory.4xlarge","storageGB":500,"homeSite":"dc","splittable":false,"replicationMbps":50}],',
  '"transactions":[{"id":"browse","name":"Browse the catalogue","entryComponent":"web","userRequestBytes":2000,"userResponseBytes":50000,"ratePerSecond":{"staff":5,"customers":120},',
  '"calls":[{"from":"web","to":"app","callsPerTransaction":1,"requestBytes":1500,"responseBytes":20000},{"from":"app","to":"db","callsPerTransaction":8,"requestBytes":500,"responseBytes":4000}],',
  '"processingMs":{"web":5,"app":20,"db":3},"slo":{"maxMeanIncreaseMs":50,"maxP95Ms":500}}]}],',
  '"security":{"zones":[{"id":"dmz","name":"DMZ","description":"Internet-facing web servers."},{"id":"app","name":"Application tier"},{"id":"data","name":"Data tier"}],',
  '"rules":[{"id":"allow-dmz-app","action":"allow","source":"dmz","destination":"app","protocol":"tcp","ports":"443","description":"HTTPS"},',
  '{"id":"deny-any","action":"deny","source":"any","destination":"any","protocol":"any","ports":"any"}],"defaultAction":"deny"},',
  '"demand":{"periodMinutes":60,"start":"2026-11-23T00:00:00Z","unit":"requests/s","profiles":[{"application":"shop","values":[100,120.5,150]}]}}',
  '{"op":"remove","path":"/sites/1"},{"op":"add","path":"/applications/0/components/-","value":{"id":"',
  '{"op":"replace","path":"/network/links/0/latency/meanMs","value":',
  '{"op":"replace","path":"/sites/0/serverClasses/0/priceUSD","value":',
  '{"op":"replace","path":"/sites/0/capacity/servers","value":',
  '{"op":"replace","path":"/applications/0/transactions/0/ratePerSecond/',
  '{"op":"replace","path":"/applications/0/components/0/servers","value":',
  '{"scenario":{"formatVersion":1,"name":"',
  '},"settings":{"timeLimitSeconds":60,"mipGap":0}}',
  '{"settings":{"timeLimitSeconds":60,"mipGap":0.001},"patch":[]}',
].join('');
