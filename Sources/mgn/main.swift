import MGNApp

await MGN.main()
