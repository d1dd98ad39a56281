import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import {
  AccountRecovery,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolEmail,
  UserPoolClientIdentityProvider,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito'
import type { Construct } from 'constructs'
import { adminGroup, editorGroup, initialTenantIds } from '../definitions.ts'

export interface AuthStackProps extends StackProps {
  prefix: string
  /** `https://{domainName}` when a custom domain is deployed; the editor workspace lives under it. */
  siteOrigin?: string
  /** `-c cognitoDomainPrefix=…`; default the prefix (`kompetansebroen-{stage}`), taken by someone else in some region. */
  cognitoDomainPrefix?: string
  /** `-c cognitoEmail=…`: Cognito mails through SES from this address, whose domain is a verified SES identity here. */
  cognitoEmail?: string
}

/** What the api function needs to verify editors' tokens (see functions/ auth). */
export interface ApiAuthSettings {
  issuer: string
  jwksUrl: string
  clientId: string
  /** Hosted sign-in base URL: `/oauth2/authorize`, `/oauth2/token` and `/logout` live under it. */
  hostedUiUrl: string
  /** For admins' account management through the api (AdminCreateUser and groups). */
  userPoolId: string
  userPoolArn: string
}

/**
 * Without a custom domain the site's only origin is the distribution's generated name, which neither the
 * Cognito client (auth deploys first; the api reads its client id) nor the media bucket's CORS rule (the
 * distribution reads the bucket) can reference without a cycle. Until `domainName` is given they name this
 * placeholder, so editor sign-in and browser uploads need the custom domain, or a second deploy with
 * `-c siteOrigin=https://dXXXX.cloudfront.net`; reading works without either.
 */
export const placeholderOrigin = 'https://localhost'
export const editorWorkspacePath = '/redaktor/'

/** Cognito user pool for the editorial teams: invite-only, strong passwords, TOTP always. */
export class AuthStack extends Stack {
  readonly userPool: UserPool
  readonly forApi: ApiAuthSettings

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props)

    this.userPool = new UserPool(this, 'Editors', {
      userPoolName: `${props.prefix}-editors`,
      // Editors are appointed by the secretariat; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Editors publish health information under their region's name: a stolen password alone must not do.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection (compromised-credential and risky sign-in blocking). With a few
      // dozen editors the per-user cost is negligible next to what an account takeover would cost.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userVerification: {
        emailSubject: 'Bekreft e-postadressen din i Kompetansebroen',
        emailBody: 'Koden som bekrefter e-postadressen din i Kompetansebroen er {####}',
        emailStyle: VerificationEmailStyle.CODE,
      },
      userInvitation: {
        emailSubject: 'Invitasjon til Kompetansebroen',
        emailBody:
          'Du er invitert som redaktør i Kompetansebroen. Brukernavn: {username} Midlertidig passord: {####} ' +
          'Logg inn innen tre dager og sett opp tofaktorautentisering.',
      },
      // Cognito's own sender allows 50 mails a day; through SES the account's SES quota applies.
      ...(props.cognitoEmail
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.cognitoEmail,
              fromName: 'Kompetansebroen',
              sesVerifiedDomain: props.cognitoEmail.split('@')[1],
              sesRegion: Stack.of(this).region,
            }),
          }
        : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    })

    // Groups are the authorisation model: the api maps `editor:{tenant}` to write access for that tenant.
    this.userPool.addGroup('AdminGroup', {
      groupName: adminGroup,
      description: 'Sentralt sekretariat: regioner, redaktører, nasjonal utgave og fagtema',
    })
    for (const tenant of initialTenantIds) {
      this.userPool.addGroup(`EditorGroup-${tenant}`, {
        groupName: editorGroup(tenant),
        description: `Redaksjonen for ${tenant}`,
      })
    }

    const origin = props.siteOrigin ?? placeholderOrigin
    const workspaceUrl = `${origin}${editorWorkspacePath}`
    // A browser app cannot keep a secret: public client, authorization code grant with PKCE.
    const client = this.userPool.addClient('EditorWorkspace', {
      userPoolClientName: `${props.prefix}-editor-workspace`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [workspaceUrl],
        logoutUrls: [workspaceUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    })
    const domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.cognitoDomainPrefix ?? props.prefix },
      managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
    })

    const issuer = this.userPool.userPoolProviderUrl
    this.forApi = { issuer, jwksUrl: `${issuer}/.well-known/jwks.json`, clientId: client.userPoolClientId, hostedUiUrl: domain.baseUrl(), userPoolId: this.userPool.userPoolId, userPoolArn: this.userPool.userPoolArn }

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId })
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId })
    new CfnOutput(this, 'Issuer', { value: issuer })
    new CfnOutput(this, 'JwksUrl', { value: this.forApi.jwksUrl })
    new CfnOutput(this, 'HostedUiBaseUrl', { value: domain.baseUrl() })
    new CfnOutput(this, 'EditorCallbackUrl', { value: workspaceUrl })
  }
}
