from partnerfw.cli import main

main()
